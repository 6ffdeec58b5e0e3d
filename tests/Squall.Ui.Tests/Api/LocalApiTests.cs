using Squall.Ui.Tests.Support;

namespace Squall.Ui.Tests.Api;

/// <summary>The REST API over a local cluster: numbers against known traffic, the actions and their token, bad input.</summary>
[Trait("Category", "Integration")]
public sealed class LocalApiTests : IAsyncLifetime
{
    private const int Words = LocalUiFixture.Sentences * 3;
    private LocalUiFixture _ui = null!;

    public async Task InitializeAsync()
    {
        _ui = await LocalUiFixture.StartAsync();
        Wait.UntilEqual(() => _ui.Log.AckCount, LocalUiFixture.Sentences, "every sentence acked");
    }

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Theory]
    [InlineData("600")]
    [InlineData(":all-time")]
    public async Task Counts_match_the_traffic(string window)
    {
        var topology = await _ui.GetAsync($"api/v1/topology/{LocalUiFixture.Topology}?window={Uri.EscapeDataString(window)}");
        var spout = topology["spouts"]!.AsArray().Single()!;
        ((long)spout["emitted"]!, (long)spout["transferred"]!, (long)spout["acked"]!, (long)spout["failed"]!).ShouldBe((LocalUiFixture.Sentences, LocalUiFixture.Sentences, LocalUiFixture.Sentences, 0));
        var split = topology["bolts"]!.AsArray().Single(b => (string)b!["boltId"]! == "split")!;
        ((long)split["executed"]!, (long)split["emitted"]!, (long)split["acked"]!).ShouldBe((LocalUiFixture.Sentences, Words, LocalUiFixture.Sentences));
        var count = topology["bolts"]!.AsArray().Single(b => (string)b!["boltId"]! == "count")!;
        ((long)count["executed"]!, (long)count["acked"]!, (int)count["executors"]!, (int)count["tasks"]!).ShouldBe((Words, Words, 3, 3));
        ((string)count["lastError"]!).ShouldContain("first word");
        var stats = topology["topologyStats"]!.AsArray().Single(s => (string)s!["window"]! == window)!;
        ((long)stats["emitted"]!, (long)stats["acked"]!).ShouldBe((LocalUiFixture.Sentences + Words, LocalUiFixture.Sentences));

        var component = await _ui.GetAsync($"api/v1/topology/{LocalUiFixture.Topology}/component/count?window={Uri.EscapeDataString(window)}");
        var input = component["inputStats"]!.AsArray().Single()!;
        ((string)input["component"]!, (string)input["stream"]!, (long)input["executed"]!).ShouldBe(("split", "default", Words));
        component["executorStats"]!.AsArray().Sum(e => (long)e!["executed"]!).ShouldBe(Words);
    }

    [Fact]
    public async Task The_graph_has_every_edge_with_its_grouping()
    {
        var graph = await _ui.GetAsync($"api/v1/topology/{LocalUiFixture.Topology}/visualization");
        graph.Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(["count", "sentences", "split"]);
        var input = graph["count"]![":inputs"]!.AsArray().Single()!;
        ((string)input[":component"]!, (string)input[":grouping"]!, (long)input[":executed"]!).ShouldBe(("split", "fields(word)", Words));
        ((string)graph["sentences"]![":type"]!).ShouldBe("spout");
    }

    [Fact]
    public async Task Actions_need_the_token_and_change_the_topology()
    {
        var path = $"api/v1/topology/{LocalUiFixture.Topology}";
        (await _ui.PostAsync($"{path}/deactivate", token: null)).Status.ShouldBe(401);
        var (status, body) = await _ui.PostAsync($"{path}/deactivate", token: "wrong");
        (status, (string)body["error"]!).ShouldBe((403, "invalid token"));

        (await _ui.PostAsync($"{path}/deactivate", _ui.Ui.Token)).Status.ShouldBe(200);
        ((string)(await _ui.GetAsync(path))["status"]!).ShouldBe("INACTIVE");
        (await _ui.PostAsync($"{path}/activate", _ui.Ui.Token)).Status.ShouldBe(200);
        ((string)(await _ui.GetAsync(path))["status"]!).ShouldBe("ACTIVE");

        (await _ui.PostAsync($"{path}/rebalance/0", _ui.Ui.Token, """{"rebalanceOptions": {"executors": {"count": "1"}}}""")).Status.ShouldBe(200);
        var count = (await _ui.GetAsync(path))["bolts"]!.AsArray().Single(b => (string)b!["boltId"]! == "count")!;
        ((int)count["executors"]!, (int)count["tasks"]!).ShouldBe((1, 3));
        (await _ui.PostAsync($"{path}/rebalance/0", _ui.Ui.Token, """{"rebalanceOptions": {"executors": {"count": 0}}}""")).Status.ShouldBe(400);

        (await _ui.PostAsync($"{path}/kill/0", _ui.Ui.Token)).Status.ShouldBe(200);
        await Wait.UntilAsync(() => Task.FromResult(_ui.Cluster.TopologyNames.Count == 0), TimeSpan.FromSeconds(60), () => "the topology is killed");
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_error()
    {
        using var unknown = await _ui.Http.GetAsync(new Uri("api/v1/topology/nope", UriKind.Relative));
        ((int)unknown.StatusCode).ShouldBe(404);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("No topology named or with id 'nope'");
        using var window = await _ui.Http.GetAsync(new Uri($"api/v1/topology/{LocalUiFixture.Topology}?window=7", UriKind.Relative));
        ((int)window.StatusCode).ShouldBe(400);
        (await window.Content.ReadAsStringAsync()).ShouldContain("Window '7' is not one of 600, 10800, 86400, :all-time");
        using var component = await _ui.Http.GetAsync(new Uri($"api/v1/topology/{LocalUiFixture.Topology}/component/nope", UriKind.Relative));
        ((int)component.StatusCode).ShouldBe(404);
        (await _ui.PostAsync($"api/v1/topology/{LocalUiFixture.Topology}/kill/soon", _ui.Ui.Token)).Status.ShouldBe(400);
    }
}
