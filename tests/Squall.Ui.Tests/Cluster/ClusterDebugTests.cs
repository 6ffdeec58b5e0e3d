using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Squall.Cluster.Tests.Cluster;
using Squall.Cluster.Tests.Infrastructure;

namespace Squall.Ui.Tests.Cluster;

/// <summary>
/// Debug sampling on a real cluster: the UI forwards Storm's debug action to Nimbus with the caller's token,
/// Nimbus keeps it in the assignment, the worker processes sample, and their events come back through the
/// heartbeats to the UI — with whole tuple trees across the two workers.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class ClusterDebugTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Debug_through_nimbus_shows_the_workers_sampled_tuples_and_their_trees()
    {
        await using var cluster = await TestCluster.StartAsync();
        var run = new WordCountRun(cluster.Dir, 10_000_000);
        var submit = await cluster.CliAsync(run.SubmitArgs("sampled", workers: 2, rate: 100));
        submit.ExitCode.ShouldBe(0, submit.Output);

        await using var ui = await ClusterUi.StartAsync(cluster);
        using var http = new HttpClient { BaseAddress = ui.Url };
        (await PostAsync(http, "api/v1/topology/sampled/debug/enable/100", token: null)).Status.ShouldBe(401);
        await Wait.UntilAsync(async () => (await PostAsync(http, "api/v1/topology/sampled/debug/enable/100", TestCluster.Token)).Status == 200, Patience, () => cluster.Logs());

        // Nimbus checks the component against what the workers report (409 until the first report arrives).
        var unknown = (0, "");
        await Wait.UntilAsync(async () => (unknown = await PostAsync(http, "api/v1/topology/sampled/component/nope/debug/enable/10", TestCluster.Token)).Item1 != 409, Patience, () => cluster.Logs());
        unknown.Item1.ShouldBe(404);
        JsonNode.Parse(unknown.Item2)!["errorMessage"]!.ToString().ShouldContain("has no component 'nope'");
        (await PostAsync(http, "api/v1/topology/sampled/component/count/debug/enable/100", TestCluster.Token)).Status.ShouldBe(200);

        // A sentence's tree: sentences → split, then split → count once per word, each acked by its task. The
        // two workers report on their own heartbeats, so wait for a tree whose every edge has been reported.
        JsonNode tree = new JsonObject();
        await Wait.UntilAsync(
            async () =>
            {
                var trees = (await GetAsync(http, "api/v1/topology/sampled/trees"))["trees"]!.AsArray();
                foreach (var acked in trees.Where(t => (string)t!["status"]! == "acked"))
                {
                    tree = await GetAsync(http, $"api/v1/topology/sampled/tree/{(string)acked!["rootId"]!}");
                    var edges = tree["edges"]!.AsArray();
                    if (edges.Any(e => (string)e!["fromComponent"]! == "split") && edges.All(e => (string)e!["state"]! == "acked"))
                    {
                        return true;
                    }
                }

                return false;
            },
            Patience,
            () => tree.ToJsonString() + cluster.Logs());
        tree["edges"]!.AsArray().Count(e => (string)e!["fromComponent"]! == "sentences").ShouldBe(1);
        ((bool)(await GetAsync(http, "api/v1/topology/sampled"))["debug"]!).ShouldBeTrue();
        var events = (await GetAsync(http, "api/v1/topology/sampled/events?component=count"))["events"]!.AsArray();
        events.ShouldNotBeEmpty();

        (await PostAsync(http, "api/v1/topology/sampled/debug/disable/100", TestCluster.Token)).Status.ShouldBe(200);
        await Wait.UntilAsync(async () => !(bool)(await GetAsync(http, "api/v1/topology/sampled"))["debug"]!, Patience, () => cluster.Logs());
    }

    private static async Task<JsonObject> GetAsync(HttpClient http, string path) =>
        JsonNode.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative)))!.AsObject();

    private static async Task<(int Status, string Body)> PostAsync(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
