using System.Collections.Concurrent;
using System.Text.Json;
using Squall.Multilang.Spout;
using Squall.Multilang.Tests.Support;
using Squall.Runtime;
using Squall.Testing;

namespace Squall.Multilang.Tests.Integration;

/// <summary>
/// Squall's bundled adapters run Storm-style scripts unchanged: storm-starter's ES5 constructors for
/// storm.js, storm-starter and pystorm styles for storm.py, and storm.rb under Debian's ruby.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AdapterTests
{
    [Fact]
    public void An_es5_basic_bolt_built_with_BasicBolt_call_splits_anchors_and_acks()
    {
        var logs = new ConcurrentQueue<string>();
        using var harness = new BoltHarness(new ShellBolt("node", "starter_split.js").Declare("word").OnLog(e => logs.Enqueue(e.Message)));
        var input = harness.Send("the cow jumped");
        harness.Recorder.Emits.Select(e => e.Values.Single()).ShouldBe(["the", "cow", "jumped"]);
        harness.Recorder.Emits.ShouldAllBe(e => e.Anchors.Single() == input);
        harness.Recorder.Acks.ShouldBe([input]);
        Wait.Until(() => logs.Count(l => l.EndsWith("sent to task ids - 7,9", StringComparison.Ordinal)) == 3, "three task-id callbacks");
    }

    [Fact]
    public void An_es5_spout_built_with_Spout_call_emits_after_its_timer_and_gets_acks_and_fails()
    {
        var conf = TestTopology.Conf();
        conf["test.sentences"] = 2;
        using var harness = new SpoutHarness("node", "starter_sentence_spout.js", conf);
        harness.Spout.Activate();
        harness.Spout.NextTuple();
        harness.Spout.NextTuple();
        harness.Spout.NextTuple();
        var emits = harness.Recorder.Emits;
        emits.Select(e => e.Values.Single()).ShouldBe(["the cow jumped over the moon", "an apple a day keeps the doctor away"]);
        emits.Select(e => ((ShellMessageId)e.MessageId!).Id).ShouldBe([0L, 1L]);
        harness.Spout.Fail(emits[1].MessageId!);
        harness.Spout.Ack(emits[0].MessageId!);
        harness.Logs.ShouldBe(["failed 1"]);
        harness.Recorder.Emits.Count.ShouldBe(3, "the failed sentence is emitted again");
        harness.Spout.Ack(harness.Recorder.Emits[2].MessageId!);
        harness.Logs.ShouldBe(["failed 1", "all 2 sentences acked"]);
    }

    [Fact]
    public void Storm_starter_style_node_spout_and_asynchronous_node_split_complete_every_sentence_in_a_topology()
    {
        const int sentences = 20;
        var sink = new CaptureSink();
        var errors = new ConcurrentQueue<ComponentError>();
        using var allAcked = new ManualResetEventSlim();
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new ShellSpout("node", "starter_sentence_spout.js").Declare("sentence")
            .OnLog(e => { if (e.Message == $"all {sentences} sentences acked") { allAcked.Set(); } }));
        builder.SetBolt("split", () => new ShellBolt("node", "starter_async_split.js").Declare("word"), 2).ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new CaptureBolt(sink)).ShuffleGrouping("split");
        var conf = new Config { ["test.sentences"] = sentences, ["test.async.delay.ms"] = 1000, [Config.TopologyMessageTimeoutSecs] = 30 };
        using (var cluster = new LocalCluster(new LocalClusterOptions { OnError = errors.Enqueue }))
        {
            cluster.SubmitTopology("starter-js", conf, builder.CreateTopology());
            allAcked.Wait(TimeSpan.FromSeconds(120)).ShouldBeTrue($"not every sentence was acked; errors: {string.Join("\n", errors)}");
            cluster.KillTopology("starter-js");
        }

        errors.ShouldBeEmpty();
        sink.Count.ShouldBe(Enumerable.Range(0, sentences).Sum(i => Sentence(i).Split(' ').Length));
    }

    [Fact]
    public void A_storm_starter_style_python_bolt_using_module_level_emit_splits_anchors_and_acks()
    {
        using var harness = BoltHarness.Python("starter_split.py");
        var input = harness.Send("snow white and");
        harness.Recorder.Emits.Select(e => e.Values.Single()).ShouldBe(["snow", "white", "and"]);
        harness.Recorder.Emits.ShouldAllBe(e => e.Anchors.Single() == input);
        harness.Recorder.Acks.ShouldBe([input]);
    }

    [Fact]
    public void A_pystorm_style_python_bolt_using_instance_methods_gets_task_ids_only_when_it_asks()
    {
        var logs = new ConcurrentQueue<ShellLogEntry>();
        using var harness = BoltHarness.Python("pystorm_split.py", configure: b => b.OnLog(logs.Enqueue));
        var input = harness.Send("four score and seven");
        harness.Recorder.Emits.Select(e => e.Values.Single()).ShouldBe(["four", "score", "and", "seven"]);
        harness.Recorder.Emits.ShouldAllBe(e => e.Anchors.Single() == input);
        harness.Recorder.Acks.ShouldBe([input]);
        var line = logs.Single(l => l.Message.Contains("last word", StringComparison.Ordinal));
        (line.Level, line.Message).ShouldBe((ShellLogLevel.Info, "shell: last word went to [7, 9]"));
    }

    [Fact]
    public void A_ruby_bolt_emits_gets_task_ids_fails_and_keeps_puts_off_the_protocol()
    {
        var logs = new ConcurrentQueue<ShellLogEntry>();
        using var harness = new BoltHarness(new ShellBolt("ruby", "ruby_echo.rb").Declare("word").DeclareStream("report", "value").OnLog(logs.Enqueue));
        var ids = harness.Send("cmd:ids hello");
        harness.Recorder.Emits.Select(e => e.Stream).ShouldBe(["default", "report"]);
        harness.Recorder.Emits[0].Values.ShouldBe(["hello"]);
        harness.Recorder.Emits[1].Values.Single().ShouldBe(new List<object?> { 7L, 9L });
        harness.Recorder.Acks.ShouldBe([ids]);

        var failed = harness.Send("cmd:fail");
        harness.Recorder.Fails.Single().Tuple.ShouldBe(failed);

        harness.Send("cmd:puts");
        harness.Recorder.Emits[^1].Values.ShouldBe(["still speaking the protocol"]);
        Wait.Until(() => logs.Any(l => l.Message == "stderr: user output goes to stderr"), "the puts line in the log");
        logs.ShouldContain(l => l.Level == ShellLogLevel.Warn && l.Message == "after puts");
        harness.Recorder.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_ruby_bolt_gets_the_full_conf_and_context_in_its_prepare()
    {
        using var harness = BoltHarness.Ruby("ruby_echo.rb");
        harness.Send("cmd:context");
        using var doc = JsonDocument.Parse((string)harness.Recorder.Emits.Single().Values.Single()!);
        doc.RootElement.GetProperty("conf").GetProperty("storm.id").GetString().ShouldBe("test-topology");
        doc.RootElement.GetProperty("context").GetProperty("componentid").GetString().ShouldBe("shell");
    }

    [Fact]
    public void A_ruby_spout_emits_with_integer_ids_direct_and_gets_its_acks_and_fails()
    {
        using var harness = new SpoutHarness("ruby", "ruby_spout.rb");
        harness.Spout.Activate();
        for (var i = 0; i < 4; i++)
        {
            harness.Spout.NextTuple();
        }

        var emits = harness.Recorder.Emits;
        emits.Select(e => (e.Stream, e.Values.Single(), ((ShellMessageId)e.MessageId!).Id, e.DirectTask)).ShouldBe([
            ("default", "sentence 0", 0L, -1),
            ("direct", "direct 1", 1L, 8),
            ("default", "sentence 2", 2L, -1),
        ]);
        harness.Spout.Ack(emits[0].MessageId!);
        harness.Spout.Fail(emits[2].MessageId!);
        harness.Logs.ShouldBe(["task ids [4, 5]", "task ids [4, 5]", "acked 0", "failed 2"]);
        harness.Recorder.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Ruby_spout_and_ruby_split_count_exactly_in_a_topology()
    {
        var sink = new CaptureSink();
        var log = new SpoutLog();
        var errors = new ConcurrentQueue<ComponentError>();
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new FixedSpout([.. Enumerable.Range(0, 50).Select(i => new Values(Sentence(i)))], new Fields("sentence"), log));
        builder.SetBolt("split", () => new ShellBolt("ruby", "starter_split.rb").Declare("word"), 2).ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new CaptureBolt(sink)).ShuffleGrouping("split");
        using (var cluster = new LocalCluster(new LocalClusterOptions { OnError = errors.Enqueue }))
        {
            cluster.SubmitTopology("ruby", new Config(), builder.CreateTopology());
            Wait.Until(() => log.AckCount == 50, $"50 sentences acked (have {log.AckCount}; errors: {string.Join("\n", errors)})", TimeSpan.FromSeconds(90));
            cluster.KillTopology("ruby");
        }

        errors.ShouldBeEmpty();
        log.Fails.ShouldBeEmpty();
        sink.All.Select(r => (string)r.First!).Order(StringComparer.Ordinal)
            .ShouldBe(Enumerable.Range(0, 50).SelectMany(i => Sentence(i).Split(' ')).Order(StringComparer.Ordinal));
    }

    private static string Sentence(int i) => new[]
    {
        "the cow jumped over the moon",
        "an apple a day keeps the doctor away",
        "four score and seven years ago",
        "snow white and the seven dwarfs",
        "i am at two with nature",
    }[i % 5];
}
