using Squall.Multilang.Spout;
using Squall.Multilang.Tests.Support;

namespace Squall.Multilang.Tests.Integration;

/// <summary>The spout protocol through real node (storm.js) and python3 (storm.py) children.</summary>
[Trait("Category", "Integration")]
public sealed class SpoutTests
{
    [Fact]
    public void A_node_spout_emits_with_integer_ids_gets_task_ids_and_its_acks_and_fails_back_verbatim()
    {
        using var harness = new SpoutHarness("node", "numbered_spout.js");
        harness.Spout.Activate();
        for (var i = 0; i < 4; i++)
        {
            harness.Spout.NextTuple();
        }

        var emits = harness.Recorder.Emits;
        emits.Select(e => e.Values.Single()).ShouldBe(["sentence 0", "sentence 1", "sentence 2"]);
        emits.Select(e => ((ShellMessageId)e.MessageId!).Id).ShouldBe([0L, 1L, 2L]);
        harness.Spout.Ack(emits[0].MessageId!);
        harness.Spout.Fail(emits[1].MessageId!);
        harness.Logs.ShouldBe(["task ids [4,5]", "task ids [4,5]", "task ids [4,5]", "acked 0", "failed 1"]);
        harness.Recorder.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_python_spout_emits_from_initialize_direct_unreliable_and_with_string_ids()
    {
        using var harness = new SpoutHarness("python3", "py_spout.py");
        harness.Spout.Activate();
        harness.Spout.NextTuple();
        harness.Spout.NextTuple();
        harness.Spout.NextTuple();

        var emits = harness.Recorder.Emits;
        emits.Select(e => (e.Stream, e.Values.Single(), (e.MessageId as ShellMessageId)?.Id, e.DirectTask)).ShouldBe([
            ("default", "early bird", "early", -1),
            ("default", "first", "id-1", -1),
            ("direct", "direct", "id-2", 8),
            ("default", "unreliable", null, -1),
        ]);
        harness.Spout.Ack(emits[1].MessageId!);
        harness.Logs.ShouldBe(["task ids [4, 5]", "acked 'id-1'"]);
    }

    [Fact]
    public void An_ack_from_inside_an_emit_is_sent_after_the_commands_sync()
    {
        using var harness = new SpoutHarness("node", "numbered_spout.js");
        harness.Recorder.OnEmit = emit => harness.Spout.Ack(emit.MessageId!);
        harness.Spout.Activate();
        harness.Spout.NextTuple();
        harness.Logs.ShouldBe(["task ids [4,5]", "acked 0"]);
    }

    [Fact]
    public void A_hung_spout_is_killed_after_the_timeout_and_replaced()
    {
        using var harness = BadSpout("hang", timeoutSecs: 2);
        harness.Spout.NextTuple();
        var firstPid = harness.Spout.ChildPid;
        harness.Spout.NextTuple();

        harness.Recorder.Errors.Single().Message.ShouldContain("did not sync 'next' within the subprocess timeout of 2 s");
        harness.Spout.NextTuple();
        harness.Spout.ChildPid.ShouldNotBe(firstPid);
        harness.Recorder.Emits[^1].Values.Single().ShouldBe($"pid {harness.Spout.ChildPid}");
    }

    [Fact]
    public void A_spout_child_that_exits_is_reported_with_its_status_and_stderr_and_acks_for_its_tuples_are_dropped()
    {
        using var harness = BadSpout("exit");
        var firstPid = harness.Spout.ChildPid;
        harness.Spout.NextTuple();
        var oldTuple = harness.Recorder.Emits.Single().MessageId!;
        harness.Spout.NextTuple();

        var died = harness.Recorder.Errors.Single().ShouldBeOfType<ShellProcessException>();
        died.ExitCode.ShouldBe(4);
        died.Stderr.ShouldContain("spout giving up");
        harness.Spout.Ack(oldTuple);
        harness.Spout.NextTuple();
        harness.Recorder.Errors.Count.ShouldBe(1);
        ((ShellMessageId)harness.Recorder.Emits[^1].MessageId!).Generation.ShouldBe(2);

        // Each child of the active spout was activated exactly once.
        harness.Logs.Where(l => l.StartsWith("activated", StringComparison.Ordinal)).ShouldBe([$"activated {firstPid}", $"activated {harness.Spout.ChildPid}"]);
    }

    [Fact]
    public void A_bolt_command_from_a_spout_child_is_fatal()
    {
        using var harness = BadSpout("ack");
        harness.Spout.NextTuple();
        harness.Spout.NextTuple();
        harness.Recorder.Errors.Single().Message.ShouldContain("a spout's child may not send AckMessage");
    }

    /// <summary>An activated bad_spout.py that misbehaves in <paramref name="mode"/> on its second next.</summary>
    private static SpoutHarness BadSpout(string mode, int timeoutSecs = 3)
    {
        var conf = TestTopology.Conf(timeoutSecs);
        conf["test.mode"] = mode;
        var harness = new SpoutHarness("python3", "bad_spout.py", conf);
        harness.Spout.Activate();
        return harness;
    }
}
