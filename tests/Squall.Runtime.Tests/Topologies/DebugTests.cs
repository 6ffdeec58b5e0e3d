using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

/// <summary><c>topology.debug</c> / <c>SetDebug</c> log every tuple the component emits, as in Storm.</summary>
[Trait("Category", "Integration")]
public sealed class DebugTests
{
    /// <remarks>Local-or-shuffle, one task each: echo and end run fused into the spout's executor, and debug still logs echo's emits only.</remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SetDebug_logs_every_tuple_that_component_emits_and_nothing_of_the_others(bool fused)
    {
        var lines = new ConcurrentQueue<string>();
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(Clusters.Numbers(3), new Fields("n"), log));
        var echo = builder.SetBolt("echo", () => new CaptureBolt(sink, new Fields("n"))).SetDebug(true);
        var end = builder.SetBolt("end", () => new CaptureBolt(new CaptureSink()));
        _ = fused ? echo.LocalOrShuffleGrouping("numbers") : echo.ShuffleGrouping("numbers");
        _ = fused ? end.LocalOrShuffleGrouping("echo") : end.ShuffleGrouping("echo");
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = new ManualTimeProvider(), OnError = null, Log = lines.Enqueue });

        cluster.SubmitTopology("debug", new Config(), builder.CreateTopology());
        Wait.UntilEqual(() => log.AckCount, 3, "every number acked");

        var emits = lines.Where(l => l.StartsWith("Emitting:", StringComparison.Ordinal)).ToList();
        emits.Count.ShouldBe(3);
        emits.ShouldAllBe(l => l.StartsWith("Emitting: echo:", StringComparison.Ordinal) && l.Contains(" default ["));
        emits.Select(l => l.Split(' ')[3]).Order().ShouldBe(["[0]", "[1]", "[2]"]);
    }

    [Fact]
    public void Topology_debug_logs_the_emits_of_every_component()
    {
        var lines = new ConcurrentQueue<string>();
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(Clusters.Numbers(2), new Fields("n"), log));
        builder.SetBolt("echo", () => new CaptureBolt(new CaptureSink(), new Fields("n"))).ShuffleGrouping("numbers");
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = new ManualTimeProvider(), OnError = null, Log = lines.Enqueue });

        cluster.SubmitTopology("debug-all", new Config { Debug = true }, builder.CreateTopology());
        Wait.UntilEqual(() => log.AckCount, 2, "both numbers acked");

        lines.Count(l => l.StartsWith("Emitting: numbers:", StringComparison.Ordinal)).ShouldBe(2);
        lines.Count(l => l.StartsWith("Emitting: echo:", StringComparison.Ordinal)).ShouldBe(2);
    }
}
