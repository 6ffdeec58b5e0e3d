namespace Squall.Testing;

/// <summary>
/// Storm's <c>Testing.completeTopology</c>: runs a topology on fixed input until it has processed all of it,
/// kills it, and returns what every component emitted on every stream.
/// </summary>
public static class CompleteTopology
{
    /// <summary>
    /// Replaces each spout of <paramref name="topology"/> by its data in <paramref name="mocked"/> (every spout
    /// must have some, possibly none), runs it until every mocked tuple is acked (or failed) and the topology is
    /// idle, kills it, and returns every component's emitted tuples per stream.
    /// </summary>
    public static CompletedTopology Run(LocalCluster cluster, StormTopology topology, MockedSources mocked, Config? conf = null, string name = "complete-topology")
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(mocked);
        var missing = topology.SpoutIds.Where(s => !mocked.Data.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Every spout needs mocked data (use AddMockData(id) for none); missing: {string.Join(", ", missing)}.", nameof(mocked));
        }

        var logs = mocked.Data.Keys.ToDictionary(s => s, _ => new SpoutLog(), StringComparer.Ordinal);
        var factories = mocked.Data.ToDictionary(
            p => p.Key,
            p => (Func<IComponent>)(() => new FixedSpout(p.Value, new Fields(), logs[p.Key])),
            StringComparer.Ordinal);
        var mockedTopology = topology.WithFactories(factories);
        var total = mocked.Data.Values.Sum(v => v.Count);
        using var tracked = TrackedTopology.Submit(cluster, name, conf ?? new Config(), mockedTopology);
        tracked.WaitIdle(() => logs.Values.Sum(l => l.AckCount + l.Fails.Count) >= total);
        return new CompletedTopology(tracked.AllTuples(), logs.ToDictionary(p => p.Key, p => (IReadOnlyList<(object, FailureReason?)>)p.Value.Fails, StringComparer.Ordinal));
    }

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
