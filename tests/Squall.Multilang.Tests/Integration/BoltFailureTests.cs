using Squall.Testing;
using Squall.Multilang.Tests.Support;

namespace Squall.Multilang.Tests.Integration;

/// <summary>Misbehaving children: each is reported with its output and stderr, killed, its tuples failed, and replaced.</summary>
[Trait("Category", "Integration")]
public sealed class BoltFailureTests
{
    [Fact]
    public void A_bolt_crashing_on_its_second_tuple_is_reported_its_tuple_failed_and_a_new_child_takes_the_third()
    {
        using var harness = BoltHarness.Python("crash_second.py");
        var first = harness.Send("one");
        var firstPid = (long)harness.Recorder.Emits.Single().Values.Single()!;
        var second = harness.Send("two");

        var errors = harness.Recorder.Errors;
        errors[0].Message.ShouldStartWith("Shell Process Exception: Traceback");
        errors[0].Message.ShouldContain("ValueError: crash on tuple 2");
        var died = errors[1].ShouldBeOfType<ShellProcessException>();
        died.Message.ShouldContain("ShellBolt died: the child exited");
        died.ExitCode.ShouldBe(0);
        harness.Recorder.Acks.ShouldBe([first]);
        harness.Recorder.Fails.Single().Tuple.ShouldBe(second);
        Wait.Until(() => Processes.Gone(firstPid), "the crashed child to be gone", TimeSpan.FromSeconds(5));

        var third = harness.Send("three");
        var secondPid = (long)harness.Recorder.Emits[^1].Values.Single()!;
        secondPid.ShouldNotBe(firstPid);
        harness.Recorder.Acks.ShouldBe([first, third]);
    }

    [Fact]
    public void A_child_exiting_with_a_status_is_reported_with_the_status_and_its_stderr()
    {
        using var harness = BoltHarness.Python("protocol_bolt.py");
        var input = harness.Send("cmd:exit 3");
        var died = harness.Recorder.Errors.Single().ShouldBeOfType<ShellProcessException>();
        died.ExitCode.ShouldBe(3);
        died.Stderr.ShouldContain("exiting with status 3 on purpose");
        died.Message.ShouldContain("exiting with status 3 on purpose");
        died.Message.ShouldContain("command: [python3, protocol_bolt.py]");
        harness.Recorder.Fails.Single().Tuple.ShouldBe(input);
    }

    [Fact]
    public void Garbage_on_stdout_is_fatal_quotes_the_text_and_the_bolt_recovers()
    {
        using var harness = BoltHarness.Python("protocol_bolt.py");
        var input = harness.Send("cmd:garbage");
        var died = harness.Recorder.Errors.Single();
        died.Message.ShouldContain("broke the protocol");
        died.Message.ShouldContain("this is not json");
        harness.Recorder.Fails.Single().Tuple.ShouldBe(input);

        harness.Send("back to normal");
        harness.Recorder.Emits[^1].Values.ShouldBe(["back to normal"]);
    }

    [Fact]
    public void An_emit_anchored_on_an_unknown_tuple_is_fatal()
    {
        using var harness = BoltHarness.Python("protocol_bolt.py");
        var input = harness.Send("cmd:unknown-anchor");
        harness.Recorder.Errors.Single().Message.ShouldContain("'12345', which is not a pending tuple id");
        harness.Recorder.Fails.Single().Tuple.ShouldBe(input);
    }

    [Fact]
    public void A_missing_script_is_reported_with_the_childs_stderr_and_its_tuples_fail()
    {
        using var harness = new BoltHarness(new ShellBolt("python3", "no_such_script.py"));
        var e = harness.Recorder.Errors.Single().ShouldBeOfType<ShellProcessException>();
        var input = harness.Send("anyone there?");
        harness.Recorder.Fails.Single().Tuple.ShouldBe(input);
        e.Message.ShouldContain("Cannot launch shell");
        e.Stderr.ShouldContain("no_such_script.py");
        e.Message.ShouldContain("can't open file");
        e.ExitCode.ShouldBe(2);
    }

    [Fact]
    public void A_missing_command_is_reported()
    {
        using var harness = new BoltHarness(new ShellBolt("no-such-interpreter-squall", "x.py"));
        harness.Recorder.Errors.Single().Message.ShouldContain("Cannot launch [no-such-interpreter-squall, x.py]");
    }

    [Fact]
    public void Cleanup_kills_the_child_and_its_descendants()
    {
        var harness = BoltHarness.Python("protocol_bolt.py");
        var pid = harness.Bolt.ChildPid;
        Processes.Gone(pid).ShouldBeFalse();
        harness.Send("cmd:spawn");
        var grandchild = (long)harness.Recorder.Emits.Single().Values.Single()!;
        harness.Dispose();
        Processes.Gone(pid).ShouldBeTrue();
        Wait.Until(() => Processes.Gone(grandchild), "the grandchild to be gone", TimeSpan.FromSeconds(5));
    }
}
