using System.Text.Json.Nodes;
using Squall.Cluster.Tests.Cluster;
using Squall.Cluster.Tests.Infrastructure;
using Squall.Cluster.TestTopology;

namespace Squall.Ui.Tests.Cluster;

/// <summary>
/// A failed tuple's tree on a real cluster, debug sampling off: word count over two worker processes whose count
/// tasks fail the word <c>a3</c>. The spout's worker and the other worker each assemble the part their tasks
/// recorded; the UI joins them into the whole tree.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class ClusterFailedTreeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_failed_tuples_tree_is_whole_across_two_workers_without_sampling()
    {
        await using var cluster = await TestCluster.StartAsync();
        var run = new WordCountRun(cluster.Dir, 10_000_000);
        var submit = await cluster.CliAsync([.. run.SubmitArgs("refusing", workers: 2, rate: 10), "-c", $"{CountingWordsTopology.Refuse}=a3"]);
        submit.ExitCode.ShouldBe(0, submit.Output);

        await using var ui = await ClusterUi.StartAsync(cluster);
        using var http = new HttpClient { BaseAddress = ui.Url };

        // sentences → split, then split → count once per word; the count task of "a3" fails it (one sentence in
        // seven, at 10 sentences/s, so a worker's last 20 failed trees span seconds). The two workers report their
        // parts on their own heartbeats, so wait for a tree with nothing left unknown.
        JsonNode tree = new JsonObject();
        await Wait.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("api/v1/topology/refusing/trees", UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    return false; // the topology is not running yet
                }

                var trees = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["trees"]!.AsArray();
                foreach (var failed in trees.Where(t => (string)t!["source"]! == "failure"))
                {
                    using var one = await http.GetAsync(new Uri($"api/v1/topology/refusing/tree/{(string)failed!["rootId"]!}", UriKind.Relative));
                    if (!one.IsSuccessStatusCode)
                    {
                        continue; // each worker keeps its last failed trees only: this one was just dropped
                    }

                    tree = JsonNode.Parse(await one.Content.ReadAsStringAsync())!;
                    if (tree["partial"] is null && tree["edges"]!.AsArray().Count == 4)
                    {
                        return true;
                    }
                }

                return false;
            },
            Patience,
            () => tree.ToJsonString() + cluster.Logs());

        ((string)tree["status"]!, (string)tree["failedComponent"]!).ShouldBe(("failed", "count"));
        var edges = tree["edges"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var first = edges.Single(e => e["parent"] is null);
        ((string)first["fromComponent"]!, (string)first["toComponent"]!, (string)first["state"]!).ShouldBe(("sentences", "split", "acked"));
        var words = edges.Where(e => e["parent"] is not null).ToList();
        words.ShouldAllBe(e => (string)e["parent"]! == (string)first["edge"]! && (string)e["fromComponent"]! == "split" && (string)e["toComponent"]! == "count");
        words.Select(e => (string)e["state"]!).Order().ShouldBe(["acked", "acked", "failed"]);
        ((string)words.Single(e => (string)e["state"]! == "failed")["reason"]!).ShouldBe("a3 is refused");
    }
}
