using System.Text.Json.Nodes;
using Squall.Runtime;
using Squall.Ui.Tests.Support;

namespace Squall.Ui.Tests.Debugging;

/// <summary>
/// "Why did this tuple fail?" with debug sampling off: the tasks' flight recorders give the failed tuple's whole
/// tree — feed → upper (2 tasks) → check, which fails <c>BAD</c> with a reason and never acks <c>LOST</c>.
/// Time is a manual clock, so the timeout happens when the test moves it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailedTreeTests : IAsyncLifetime
{
    private const string Topology = "recorded";
    private readonly ManualTimeProvider _time = new();
    private readonly FeederSpout _feeder = new(new Fields("word"));
    private LocalUiFixture _ui = null!;

    public async Task InitializeAsync()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("feed", () => _feeder);
        builder.SetBolt("upper", () => new Upper(), 2).ShuffleGrouping("feed");
        builder.SetBolt("check", () => new Check()).ShuffleGrouping("upper");
        var cluster = new LocalCluster(new LocalClusterOptions { OnError = null, Time = _time });
        cluster.SubmitTopology(Topology, new Config { MessageTimeoutSecs = 4 }, builder.CreateTopology());
        _ui = await LocalUiFixture.StartOnAsync(cluster); // disposes the cluster
    }

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public async Task A_failed_tuple_shows_its_whole_tree_with_the_failing_task_and_reason_without_sampling()
    {
        _feeder.Feed(new Values("good"), "good-1");
        _feeder.Feed(new Values("bad"), "bad-1");
        Wait.Until(() => _feeder.Acked.Count == 1 && _feeder.Failed.Count == 1, "one tree acked, one failed", TimeSpan.FromSeconds(120));

        var trees = (await _ui.GetAsync($"api/v1/topology/{Topology}/trees"))["trees"]!.AsArray();
        var listed = trees.Single()!;
        ((string)listed["source"]!, (string)listed["status"]!, (string)listed["messageId"]!).ShouldBe(("failure", "failed", "bad-1"));

        var tree = await TreeAsync((string)listed["rootId"]!);
        ((string)tree["source"]!, (string)tree["status"]!, (string)tree["failedComponent"]!).ShouldBe(("failure", "failed", "check"));
        ((string)tree["reason"]!).ShouldMatch(@"^failed by check:\d+: BAD is not a word$");
        tree["partial"].ShouldBeNull();
        var edges = Edges(tree);
        edges.Count.ShouldBe(2);
        var first = edges.Single(e => e["parent"] is null);
        ((string)first["fromComponent"]!, (string)first["toComponent"]!, (string)first["state"]!).ShouldBe(("feed", "upper", "acked"));
        var second = edges.Single(e => e["parent"] is not null);
        ((string)second["parent"]!).ShouldBe((string)first["edge"]!);
        ((string)second["fromComponent"]!, (string)second["toComponent"]!, (string)second["state"]!, (string)second["reason"]!)
            .ShouldBe(("upper", "check", "failed", "BAD is not a word"));
        ((int)second["toTask"]!).ShouldBe((int)tree["failedTask"]!);
        ((int)second["fromTask"]!).ShouldBe((int)first["toTask"]!);
    }

    [Fact]
    public async Task A_timed_out_tuple_shows_which_edge_was_still_open()
    {
        _feeder.Feed(new Values("lost"), "lost-1");
        Wait.Until(() => UpperAcked() == 1, "upper acked its input (check holds its own)", TimeSpan.FromSeconds(120));
        Wait.Until(
            () =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                return _feeder.Failed.Count == 1;
            },
            "the tree timed out",
            TimeSpan.FromSeconds(120));

        var listed = (await _ui.GetAsync($"api/v1/topology/{Topology}/trees"))["trees"]!.AsArray().Single()!;
        var tree = await TreeAsync((string)listed["rootId"]!);
        ((string)tree["source"]!, (string)tree["status"]!, (int)tree["openEdges"]!).ShouldBe(("failure", "timeout", 1));
        tree["partial"].ShouldBeNull();
        var edges = Edges(tree);
        edges.Select(e => ((string)e["fromComponent"]!, (string)e["toComponent"]!, (string)e["state"]!))
            .ShouldBe([("feed", "upper", "acked"), ("upper", "check", "open")]);
    }

    private long UpperAcked() => _ui.Cluster.GetTopologyStats(Topology).Reports
        .SelectMany(r => r.Tasks)
        .Where(t => t.ComponentId == "upper")
        .Sum(t => t.Windows.Single(w => w.Window == ":all-time").Inputs.Sum(i => i.Acked));

    private async Task<JsonObject> TreeAsync(string root) => await _ui.GetAsync($"api/v1/topology/{Topology}/tree/{root}");

    private static List<JsonObject> Edges(JsonObject tree) => [.. tree["edges"]!.AsArray().Select(e => e!.AsObject())];

    private sealed class Upper : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

        public override void Execute(Tuple input, BasicOutputCollector collector) => collector.Emit(new Values(input.GetString(0)!.ToUpperInvariant()));
    }

    /// <summary>Fails <c>BAD</c> with a reason, holds <c>LOST</c> for ever, acks the rest.</summary>
    private sealed class Check : BaseRichBolt
    {
        private OutputCollector _collector = null!;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

        public override void Execute(Tuple input)
        {
            switch (input.GetString(0))
            {
                case "BAD":
                    _collector.Fail(input, "BAD is not a word");
                    break;
                case "LOST":
                    break;
                default:
                    _collector.Ack(input);
                    break;
            }
        }
    }
}
