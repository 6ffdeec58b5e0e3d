namespace Squall.Testing;

/// <summary>
/// Storm's <c>completeTopology</c> for finite inputs: submits a topology whose spouts are <see cref="FixedSpout"/>s,
/// waits until every message id has been acked, then kills it (so bolts run Cleanup) — the caller then asserts
/// on its sinks and logs.
/// </summary>
public static class CompleteTopology
{
    /// <summary>Runs <paramref name="topology"/> until <paramref name="log"/> has seen <paramref name="messages"/> distinct acks.</summary>
    public static void Run(LocalCluster cluster, string name, Config conf, StormTopology topology, SpoutLog log, int messages)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(log);
        cluster.SubmitTopology(name, conf, topology);
        try
        {
            Wait.Until(() => log.Acks.Count >= messages, $"all {messages} messages of '{name}' acked (have {log.Acks.Count}, {log.Fails.Count} fails)");
        }
        finally
        {
            cluster.KillTopology(name);
        }
    }
}
