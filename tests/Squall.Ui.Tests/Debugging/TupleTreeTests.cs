using Squall.Ui.Tests.Support;

namespace Squall.Ui.Tests.Debugging;

/// <summary>Squall's tuple tree: for a sampled spout tuple, every edge with the task that settled it, and where it failed.</summary>
[Trait("Category", "Integration")]
public sealed class TupleTreeTests : IAsyncLifetime
{
    private DebugFixture _debug = null!;

    public async Task InitializeAsync() => _debug = await DebugFixture.StartAsync();

    public async Task DisposeAsync() => await _debug.DisposeAsync();

    [Fact]
    public async Task A_failed_tuple_shows_which_task_failed_which_edge_and_why()
    {
        (await _debug.DebugAsync("debug/enable/100")).Status.ShouldBe(200);
        _debug.FeedAndSettle(1, "good");
        _debug.FeedAndSettle(1, "bad");

        var trees = (await _debug.Ui.GetAsync($"api/v1/topology/{DebugFixture.Topology}/trees"))["trees"]!.AsArray();
        trees.Count.ShouldBe(2);
        var bad = trees.Single(t => ((string)t!["messageId"]!).StartsWith("bad-", StringComparison.Ordinal))!;
        ((string)bad["status"]!).ShouldBe("failed");
        ((string)bad["reason"]!).ShouldMatch(@"^failed by check:\d+: BAD is not a word$");
        var good = trees.Single(t => ((string)t!["messageId"]!).StartsWith("good-", StringComparison.Ordinal))!;
        ((string)good["status"]!).ShouldBe("acked");

        var tree = await _debug.Ui.GetAsync($"api/v1/topology/{DebugFixture.Topology}/tree/{(string)bad["rootId"]!}");
        ((string)tree["status"]!, (string)tree["spout"]!, (int)tree["openEdges"]!).ShouldBe(("failed", "feed", 0));
        var edges = tree["edges"]!.AsArray().Select(e => e!.AsObject()).ToList();
        edges.Count.ShouldBe(2);
        var first = edges.Single(e => e["parent"] is null);
        ((string)first["fromComponent"]!, (string)first["toComponent"]!, (string)first["state"]!, (string)first["values"]![0]!).ShouldBe(("feed", "upper", "acked", "bad"));
        var second = edges.Single(e => e["parent"] is not null);
        ((string)second["parent"]!).ShouldBe((string)first["edge"]!);
        ((string)second["fromComponent"]!, (string)second["toComponent"]!, (string)second["state"]!, (string)second["reason"]!)
            .ShouldBe(("upper", "check", "failed", "BAD is not a word"));

        using var unknown = await _debug.Ui.Http.GetAsync(new Uri($"api/v1/topology/{DebugFixture.Topology}/tree/12345", UriKind.Relative));
        ((int)unknown.StatusCode).ShouldBe(404);
        using var invalid = await _debug.Ui.Http.GetAsync(new Uri($"api/v1/topology/{DebugFixture.Topology}/tree/x", UriKind.Relative));
        ((int)invalid.StatusCode).ShouldBe(400);
    }
}
