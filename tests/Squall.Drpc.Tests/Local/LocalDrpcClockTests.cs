using ExclamationDrpc;
using Squall.Runtime;

namespace Squall.Drpc.Tests.Local;

/// <summary>LocalDrpc's timeouts on a manual clock: time moves only when the test says.</summary>
[Trait("Category", "Integration")]
[Collection("black-hole")]
public sealed class LocalDrpcClockTests
{
    [Fact]
    public async Task Function_no_topology_serves_fails_at_once_after_the_idle_period()
    {
        var clock = new ManualTimeProvider();
        using var drpc = new LocalDrpc(new DrpcOptions { Time = clock, FunctionIdle = TimeSpan.FromSeconds(10) });
        clock.Advance(TimeSpan.FromSeconds(10));
        var error = await Should.ThrowAsync<DrpcException>(drpc.ExecuteAsync("nobody-serves-this", "x"));
        error.Kind.ShouldBe(DrpcErrorKind.NoSuchFunction);
        error.Message.ShouldContain("no topology serves DRPC function 'nobody-serves-this'");
    }

    [Fact]
    public async Task Call_the_topology_never_answers_times_out_with_a_clear_error()
    {
        var clock = new ManualTimeProvider();
        using var drpc = new LocalDrpc(new DrpcOptions { Time = clock, RequestTimeout = TimeSpan.FromSeconds(30) });
        using var cluster = new LocalCluster();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new DrpcSpout("hole", drpc));
        builder.SetBolt("hole", () => new BlackHoleBolt()).ShuffleGrouping("spout");
        cluster.SubmitTopology("hole", new Config { MessageTimeoutSecs = 300 }, builder.CreateTopology());

        var call = drpc.ExecuteAsync("hole", "x");
        await Wait.UntilAsync(() => BlackHoleBolt.Swallowed > 0, TimeSpan.FromSeconds(60), () => "the spout fetched the request");
        call.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(31));
        var error = await Should.ThrowAsync<DrpcException>(call.WaitAsync(TimeSpan.FromSeconds(60)));
        error.Kind.ShouldBe(DrpcErrorKind.TimedOut);
        error.Message.ShouldBe("DRPC request for 'hole' timed out after 30 s (drpc.request.timeout.secs) while the topology computed it");
    }

    [Fact]
    public async Task Manual_topology_of_DrpcSpout_and_ReturnResults_answers()
    {
        using var drpc = new LocalDrpc();
        using var cluster = new LocalCluster();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new DrpcSpout("upper", drpc));
        builder.SetBolt("upper", () => new UpperBolt(), 2).ShuffleGrouping("spout");
        builder.SetBolt("return", () => new ReturnResults()).ShuffleGrouping("upper");
        cluster.SubmitTopology("upper", new Config(), builder.CreateTopology());
        (await drpc.ExecuteAsync("upper", "shout")).ShouldBe("SHOUT");
    }

    [Fact]
    public async Task Disposing_fails_calls_in_flight_cleanly()
    {
        var drpc = new LocalDrpc();
        var call = drpc.ExecuteAsync("never-served", "x");
        drpc.Dispose();
        (await Should.ThrowAsync<DrpcException>(call)).Kind.ShouldBe(DrpcErrorKind.ServerShutdown);
    }
}

/// <summary>Takes tuples and never acks, fails or emits.</summary>
public sealed class BlackHoleBolt : BaseRichBolt
{
    private static int _swallowed;

    public static int Swallowed => Volatile.Read(ref _swallowed);

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
    }

    public override void Execute(Tuple input) => Interlocked.Increment(ref _swallowed);
}

/// <summary>(args, return-info) → (ARGS, return-info), as storm-starter's ManualDRPC.</summary>
public sealed class UpperBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("result", "return-info"));

    public override void Execute(Tuple input, BasicOutputCollector collector) =>
        collector.Emit(new Values(input.GetString(0)!.ToUpperInvariant(), input.GetValue(1)));
}
