using Squall.Multilang.Tests.Support;
using Squall.Runtime;
using Squall.Testing;

namespace Squall.Multilang.Tests.Integration;

/// <summary>
/// Bolt children are asynchronous, as Storm's protocol says: they emit, ack and fail whenever they like after
/// receiving a tuple (timers, background threads), and an extra <c>sync</c> answers nothing in particular.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AsyncBoltTests
{
    private static readonly string[] Sentences =
    [
        "the cow jumped over the moon",
        "an apple a day keeps the doctor away",
        "four score and seven years ago",
        "snow white and the seven dwarfs",
        "i am at two with nature",
    ];

    [Fact]
    public void A_node_child_splitting_from_timers_holds_many_tuples_at_once_and_completes_every_one()
    {
        // Each tuple takes a second inside the child. Handled one at a time, 40 of them would outlast the
        // 20 s message timeout; handled as Storm does, the child works on all of them at once.
        var run = RunTopology(new ShellBolt("node", "async_split.js").Declare("word"), SentenceList(40), new Config { ["test.async.delay.ms"] = 1000 });
        run.AssertEveryTupleAckedAndEveryWordCounted(SentenceList(40));
    }

    [Fact]
    public void A_python_child_acking_batches_from_a_background_thread_completes_every_tuple()
    {
        var run = RunTopology(new ShellBolt("python3", "tickless_batching.py").Declare("word"), SentenceList(200), new Config());
        run.AssertEveryTupleAckedAndEveryWordCounted(SentenceList(200));
    }

    [Fact]
    public void An_error_with_an_extra_sync_fails_that_batch_only_and_the_next_tuples_complete_without_timeouts()
    {
        // pystorm's reaction to an exception: error, sync, fail. The extra sync must not be taken for the answer
        // to anything: every other tuple is acked, none waits for the message timeout.
        string[] sentences = [.. SentenceList(30).Take(10), "boom", .. SentenceList(30).Skip(10)];
        var run = RunTopology(new ShellBolt("python3", "tickless_batching.py").Declare("word"), sentences, new Config());
        run.Log.Fails.Select(f => f.Reason!.Kind).ShouldAllBe(k => k == FailureKind.Failed);
        run.Log.Fails.Select(f => (int)f.MessageId).ShouldContain(10);
        (run.Log.AckCount + run.Log.Fails.Count).ShouldBe(sentences.Length);
        run.Errors.ShouldContain(e => e.Error.Message.Contains("boom in a batch", StringComparison.Ordinal));
    }

    [Fact]
    public void A_child_exiting_after_error_and_sync_is_replaced_and_the_others_complete_without_timeouts()
    {
        string[] sentences = [.. SentenceList(30).Take(10), "boom", .. SentenceList(30).Skip(10)];
        var bolt = new ShellBolt("python3", "tickless_batching.py").Declare("word").WithEnvironment("EXIT_ON_EXCEPTION", "1");
        var run = RunTopology(bolt, sentences, new Config(), errors => errors.Any(Died));
        run.Log.Fails.Select(f => f.Reason!.Kind).ShouldAllBe(k => k == FailureKind.Failed);
        (run.Log.AckCount + run.Log.Fails.Count).ShouldBe(sentences.Length);
        run.Errors.Single(Died).Error.Message.ShouldContain("exit code: 1");

        static bool Died(ComponentError e) => e.Error is ShellProcessException && e.Error.Message.StartsWith("ShellBolt died", StringComparison.Ordinal);
    }

    [Fact]
    public void Emits_and_acks_sent_long_after_the_tuple_are_applied_on_the_executor_thread()
    {
        var conf = TestTopology.Conf();
        conf["test.async.delay.ms"] = 300;
        using var harness = new BoltHarness(new ShellBolt("node", "async_split.js").Declare("word"), conf);
        var inputs = Enumerable.Range(0, 5).Select(i => harness.Topology.Input(Constants.DefaultStreamId, $"async tuple {i}")).ToList();
        inputs.ForEach(harness.Submit);

        // Every Execute returned at once: the child holds all five tuples.
        harness.Recorder.WaitUntil(() => inputs.All(harness.Recorder.IsCompleted), BoltHarness.Patience.TotalSeconds, "five acks");
        harness.Recorder.Acks.Count.ShouldBe(5);
        harness.Recorder.Emits.Count.ShouldBe(15);
        harness.Recorder.CallerThreads.Distinct().ShouldBe([harness.Executor.ThreadId]);
    }

    private static string[] SentenceList(int count) => [.. Enumerable.Range(0, count).Select(i => Sentences[i % Sentences.Length])];

    /// <summary>Runs sentences → bolt → capture until every sentence is acked or failed (and <paramref name="until"/> holds for the errors).</summary>
    private static Run RunTopology(ShellBolt bolt, string[] sentences, Config conf, Func<IReadOnlyCollection<ComponentError>, bool>? until = null)
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<ComponentError>();
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new FixedSpout([.. sentences.Select(s => new Values(s))], new Fields("sentence"), log));
        builder.SetBolt("split", () => bolt).ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new CaptureBolt(sink)).ShuffleGrouping("split");
        conf.MessageTimeoutSecs = 20;
        conf.NumAckers = 1;
        using (var cluster = new LocalCluster(new LocalClusterOptions { OnError = errors.Enqueue }))
        {
            cluster.SubmitTopology("async-bolt", conf, builder.CreateTopology());
            Wait.Until(
                () => log.AckCount + log.Fails.Count >= sentences.Length && (until is null || until(errors)),
                $"every sentence acked or failed (acked {log.AckCount}, failed {log.Fails.Count}; errors: {string.Join("\n", errors)})",
                TimeSpan.FromSeconds(90));
            cluster.KillTopology("async-bolt");
        }

        return new Run(log, sink, [.. errors]);
    }

    private sealed record Run(SpoutLog Log, CaptureSink Sink, IReadOnlyList<ComponentError> Errors)
    {
        public void AssertEveryTupleAckedAndEveryWordCounted(string[] sentences)
        {
            Log.Fails.ShouldBeEmpty();
            Log.AckCount.ShouldBe(sentences.Length);
            Errors.ShouldBeEmpty();
            Sink.All.Select(r => (string)r.First!).Order(StringComparer.Ordinal)
                .ShouldBe(sentences.SelectMany(s => s.Split(' ')).Order(StringComparer.Ordinal));
        }
    }
}
