using System.Text.Json.Nodes;
using Squall.Cluster.Tests.Cluster;
using Squall.Cluster.Tests.Infrastructure;

namespace Squall.Ui.Tests.Cluster;

/// <summary>
/// Stats on a real cluster, end to end: workers (2 processes) → heartbeat files → supervisors → Nimbus →
/// the UI's REST API, checked against a finite, known input.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class ClusterStatsTests
{
    private const int Sentences = 600;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_api_counts_what_the_workers_did()
    {
        await using var cluster = await TestCluster.StartAsync();
        var run = new WordCountRun(cluster.Dir, Sentences);
        var submit = await cluster.CliAsync(run.SubmitArgs("stats", workers: 2, rate: 0));
        submit.ExitCode.ShouldBe(0, submit.Output);
        await Wait.UntilAsync(() => run.AllAcked, Patience, () => run.Describe() + cluster.Logs());

        await using var ui = await ClusterUi.StartAsync(cluster);
        using var http = new HttpClient { BaseAddress = ui.Url };
        JsonNode topology = new JsonObject();
        long Spout(string field) => (long)topology["spouts"]!.AsArray().Single()![field]!;
        long Bolt(string id, string field) => (long)topology["bolts"]!.AsArray().Single(b => (string)b!["boltId"]! == id)![field]!;

        // Heartbeats lag the workers by a few seconds: wait until the reports have caught up with the acks.
        await Wait.UntilAsync(
            async () =>
            {
                topology = JsonNode.Parse(await http.GetStringAsync(new Uri("api/v1/topology/stats", UriKind.Relative)))!;
                // Each worker reports on its own heartbeat, so wait until the bolts' reports have caught up too.
                return topology["spouts"]!.AsArray().Count == 1 && Spout("acked") == Sentences
                    && Bolt("split", "executed") >= Sentences && Bolt("count", "executed") == Bolt("split", "transferred");
            },
            Patience,
            () => topology.ToJsonString());

        // Every sentence acked once; replays (timeouts under load) are counted as failed and emitted again.
        Spout("emitted").ShouldBe(Sentences + Spout("failed"));
        Bolt("split", "executed").ShouldBeGreaterThanOrEqualTo(Sentences);
        Bolt("split", "emitted").ShouldBe(3 * Bolt("split", "executed"));
        Bolt("count", "executed").ShouldBe(Bolt("split", "transferred"));
        ((int)topology["workersTotal"]!).ShouldBe(2);
        topology["workers"]!.AsArray().ShouldAllBe(w => ((string)w!["workerLogLink"]!).Contains("/api/v1/log?file="));

        var component = JsonNode.Parse(await http.GetStringAsync(new Uri("api/v1/topology/stats/component/count", UriKind.Relative)))!;
        var executors = component["executorStats"]!.AsArray();
        executors.Count.ShouldBe(2);
        executors.ShouldAllBe(e => (string)e!["host"]! == "127.0.0.1" && (int)e["port"]! > 0);
    }
}
