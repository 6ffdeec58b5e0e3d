using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

/// <summary>
/// Bolts and ackers share a small pool of threads (<c>topology.worker.executor.threads</c>). The guarantees
/// must not depend on how many: these run with a single pool thread, the tightest case.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExecutorPoolTests
{
    private const int Messages = 5_000;

    public static TheoryData<int> Seeds => [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_topologies_keep_every_guarantee_on_a_single_pool_thread(int seed)
    {
        var log = new SpoutLog();
        var (topology, description) = RandomDag.Build(seed, Clusters.Numbers(Messages), log);
        var maxPending = new Random(seed).Next(10, 1000);
        using var cluster = Clusters.Create();
        var conf = Clusters.Conf((Config.TopologyMaxSpoutPending, maxPending), (Config.TopologyWorkerExecutorThreads, 1));

        CompleteTopology.Run(cluster, "dag", conf, topology, log, Messages);

        log.Acks.Count.ShouldBe(Messages, description);
        log.Acks.Values.ShouldAllBe(n => n == 1, description);
        log.Replays.ShouldBe(log.Fails.Count, description);
        log.MaxPending.ShouldBeLessThanOrEqualTo(maxPending, description);
    }

    /// <summary>Asleep in the kernel (a database call) or computing without end: either way, after a while its thread is replaced.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_bolt_blocked_in_Execute_does_not_starve_the_other_executors_of_a_one_thread_pool(bool spinning)
    {
        const int messages = 2_000;
        using var gate = new ManualResetEventSlim(false);
        var blocker = new GateBolt(gate, spinning);
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(messages), new Fields("n"), log));
        builder.SetBolt("blocked", () => blocker).GlobalGrouping("spout");
        builder.SetBolt("free", () => new CaptureBolt(sink), 2).ShuffleGrouping("spout");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("blocking", Clusters.Conf((Config.TopologyWorkerExecutorThreads, 1)), builder.CreateTopology());

        Wait.Until(() => Volatile.Read(ref blocker.Entered) == 1, "the blocked bolt entered Execute");
        sink.WaitForCount(messages);
        Volatile.Read(ref blocker.Entered).ShouldBe(1);
        log.AckCount.ShouldBe(0, "no tree can complete while the blocked bolt holds its tuple");

        gate.Set();
        Wait.Until(() => log.AckCount == messages, $"{messages} trees completed after the gate opened");
        cluster.KillTopology("blocking");
        log.Fails.ShouldBeEmpty();
    }
}
