using System.Text.Json.Nodes;
using Squall.Runtime;

namespace Squall.Ui.Tests.Support;

/// <summary>
/// A fed topology for debug sampling: feed (FeederSpout) → upper (shuffle, 2 tasks, anchored) → check (1 task),
/// which fails the word <c>BAD</c>, so tuple trees both complete and fail. Its UI runs on a free loopback port.
/// </summary>
public sealed class DebugFixture : IAsyncDisposable
{
    public const string Topology = "debugged";

    private DebugFixture(LocalCluster cluster, LocalUiFixture ui, FeederSpout feeder)
    {
        Cluster = cluster;
        Ui = ui;
        Feeder = feeder;
    }

    public LocalCluster Cluster { get; }

    public LocalUiFixture Ui { get; }

    public FeederSpout Feeder { get; }

    public static async Task<DebugFixture> StartAsync()
    {
        var feeder = new FeederSpout(new Fields("word"));
        var builder = new TopologyBuilder();
        builder.SetSpout("feed", () => feeder);
        builder.SetBolt("upper", () => new Upper(), 2).ShuffleGrouping("feed");
        builder.SetBolt("check", () => new Check()).ShuffleGrouping("upper");
        var cluster = new LocalCluster(new LocalClusterOptions { OnError = null });
        cluster.SubmitTopology(Topology, new Config(), builder.CreateTopology());
        return new DebugFixture(cluster, await LocalUiFixture.StartOnAsync(cluster), feeder);
    }

    /// <summary>Feeds <paramref name="count"/> words with message ids and waits until their trees ended.</summary>
    public void FeedAndSettle(int count, string word = "word")
    {
        var settled = Feeder.Acked.Count + Feeder.Failed.Count + count;
        for (var i = 0; i < count; i++)
        {
            Feeder.Feed(new Values(word), $"{word}-{Guid.NewGuid():N}");
        }

        Wait.UntilEqual(() => Feeder.Acked.Count + Feeder.Failed.Count, settled, $"{count} more trees settled", TimeSpan.FromSeconds(120));
    }

    public Task<(int Status, JsonObject Body)> DebugAsync(string what, string? token = "") =>
        Ui.PostAsync($"api/v1/topology/{Topology}/{what}", token == "" ? Ui.Ui.Token : token);

    public async Task<List<JsonObject>> EventsAsync(string component) =>
        [.. (await Ui.GetAsync($"api/v1/topology/{Topology}/events?component={component}&limit=100000"))["events"]!.AsArray().Select(e => e!.AsObject())];

    public async ValueTask DisposeAsync()
    {
        await Ui.DisposeAsync();
    }

    private sealed class Upper : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

        public override void Execute(Tuple input, BasicOutputCollector collector) => collector.Emit(new Values(input.GetString(0)!.ToUpperInvariant()));
    }

    private sealed class Check : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Execute(Tuple input, BasicOutputCollector collector)
        {
            if (input.GetString(0) == "BAD")
            {
                throw new FailedException("BAD is not a word");
            }
        }
    }
}
