using Squall.Runtime;
using Squall.Ui.Tests.Support;

namespace Squall.Ui.Tests.Debugging;

/// <summary>
/// Storm's debug action over the REST API of a local cluster: the sampled events against known traffic. The
/// sampler is deterministic (a stride, restarted when the options change), so the counts are exact.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DebugSamplingTests : IAsyncLifetime
{
    private DebugFixture _debug = null!;

    public async Task InitializeAsync() => _debug = await DebugFixture.StartAsync();

    public async Task DisposeAsync() => await _debug.DisposeAsync();

    [Fact]
    public async Task At_100_percent_every_emit_is_logged_and_off_none()
    {
        (await _debug.DebugAsync("debug/enable/100", token: null)).Status.ShouldBe(401);
        var (status, body) = await _debug.DebugAsync("debug/enable/100");
        (status, (string)body["topologyOperation"]!, (string)body["status"]!).ShouldBe((200, "debug", "success"));
        var topology = await _debug.Ui.GetAsync($"api/v1/topology/{DebugFixture.Topology}");
        ((bool)topology["debug"]!, (double)topology["samplingPct"]!).ShouldBe((true, 100));

        _debug.FeedAndSettle(40);
        var emitted = await _debug.EventsAsync("feed");
        emitted.Count(e => (string)e["kind"]! == "emit").ShouldBe(40);
        emitted.Count(e => (string)e["kind"]! == "acked").ShouldBe(40, "each sampled tree's end is logged too");
        var first = emitted.Last(e => (string)e["kind"]! == "emit");
        ((string)first["stream"]!, (string)first["values"]![0]!, (string)first["component"]!).ShouldBe(("default", "word", "feed"));
        ((string)first["messageId"]!).ShouldStartWith("word-");
        first["roots"]!.AsArray().Count.ShouldBe(1);
        var upper = await _debug.EventsAsync("upper");
        (upper.Count(e => (string)e["kind"]! == "emit"), upper.Count(e => (string)e["kind"]! == "ack")).ShouldBe((40, 40));
        upper.First(e => (string)e["kind"]! == "emit")["values"]![0]!.ToString().ShouldBe("WORD");

        (await _debug.DebugAsync("debug/disable/100")).Status.ShouldBe(200);
        ((bool)(await _debug.Ui.GetAsync($"api/v1/topology/{DebugFixture.Topology}"))["debug"]!).ShouldBeFalse();
        _debug.FeedAndSettle(40);
        (await _debug.EventsAsync("feed")).Count(e => (string)e["kind"]! == "emit").ShouldBe(40, "nothing more is logged while debug is off");
    }

    [Fact]
    public async Task A_component_at_10_percent_logs_exactly_one_emit_in_ten()
    {
        (await _debug.DebugAsync("component/feed/debug/enable/10")).Status.ShouldBe(200);
        var component = await _debug.Ui.GetAsync($"api/v1/topology/{DebugFixture.Topology}/component/feed");
        ((bool)component["debug"]!, (double)component["samplingPct"]!, (string)component["eventLogLink"]!).ShouldBe((true, 10, "/#/topology/debugged/events?component=feed"));
        ((bool)(await _debug.Ui.GetAsync($"api/v1/topology/{DebugFixture.Topology}/component/upper"))["debug"]!).ShouldBeFalse();

        _debug.FeedAndSettle(55);
        (await _debug.EventsAsync("feed")).Count(e => (string)e["kind"]! == "emit").ShouldBe(5, "⌊55 × 10 / 100⌋");
        (await _debug.EventsAsync("upper")).ShouldBeEmpty("only the spout was switched on");

        _debug.FeedAndSettle(45);
        (await _debug.EventsAsync("feed")).Count(e => (string)e["kind"]! == "emit").ShouldBe(10, "100 emits at 10 %");
    }

    [Fact]
    public async Task Bad_debug_requests_get_a_clear_error()
    {
        var (status, body) = await _debug.DebugAsync("debug/maybe/10");
        (status, (string)body["errorMessage"]!).ShouldBe((400, "The debug action must be 'enable' or 'disable', not 'maybe'."));
        (status, body) = await _debug.DebugAsync("debug/enable/150");
        (status, (string)body["errorMessage"]!).ShouldBe((400, "The sampling percentage must be between 0 and 100, not 150."));
        (status, body) = await _debug.DebugAsync("debug/enable/lots");
        (status, (string)body["errorMessage"]!).ShouldBe((400, "The sampling percentage must be between 0 and 100, not 'lots'."));
        (status, body) = await _debug.DebugAsync("component/nope/debug/enable/10");
        (status, (string)body["errorMessage"]!).ShouldBe((400, "Topology 'debugged' has no component 'nope'."));
        (await _debug.DebugAsync("debug/enable/10", token: "wrong")).Status.ShouldBe(403);

        _debug.Cluster.SubmitTopology("silent", new Config { [Config.TopologyEventLoggerExecutors] = 0 }, SilentTopology());
        (status, body) = await _debug.Ui.PostAsync("api/v1/topology/silent/debug/enable/10", _debug.Ui.Ui.Token);
        (status, (string)body["error"]!).ShouldBe((400, "event logging off"));
        ((string)body["errorMessage"]!).ShouldContain("topology.eventlogger.executors is 0");
    }

    private static StormTopology SilentTopology()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("feed", () => new FeederSpout(new Fields("word")));
        return builder.CreateTopology();
    }
}
