using Squall.Testing;
using Squall.Multilang.Tests.Support;

namespace Squall.Multilang.Tests.Integration;

/// <summary>Heartbeats and topology.subprocess.timeout.secs, with a short timeout (these take real seconds).</summary>
[Trait("Category", "Integration")]
public sealed class BoltTimeoutTests
{
    [Fact]
    public void An_idle_bolt_is_kept_alive_by_heartbeats_beyond_the_timeout()
    {
        using var harness = BoltHarness.Python("protocol_bolt.py", TestTopology.Conf(timeoutSecs: 2));
        var pid = harness.Bolt.ChildPid;

        // Four answered heartbeats take about four seconds of idleness: twice the timeout.
        Wait.Until(() => harness.Bolt.HeartbeatsAnswered >= 4, "four heartbeat answers", TimeSpan.FromSeconds(8));
        harness.Recorder.Errors.ShouldBeEmpty();
        harness.Send("cmd:pid");
        harness.Recorder.Emits.Single().Values.Single().ShouldBe(pid);
    }

    [Fact]
    public async Task A_hung_bolt_is_killed_after_the_timeout_and_its_tuple_failed()
    {
        using var harness = BoltHarness.Python("protocol_bolt.py", TestTopology.Conf(timeoutSecs: 2));
        var pid = harness.Bolt.ChildPid;
        var hung = harness.Topology.Input(Constants.DefaultStreamId, "cmd:hang");

        // Execute waits for the child to finish the tuple, so it returns once the child has been killed.
        await Task.Run(() => harness.Bolt.Execute(hung)).WaitAsync(TimeSpan.FromSeconds(8));

        var died = harness.Recorder.Errors.Single();
        died.Message.ShouldContain("beyond the subprocess timeout of 2 s");
        harness.Recorder.Fails.Single().Tuple.ShouldBe(hung);
        Wait.Until(() => Processes.Gone(pid), "the child to be gone", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_slow_handshake_within_the_timeout_is_waited_for()
    {
        using var harness = BoltHarness.Python("slow_start.py", TestTopology.Conf(timeoutSecs: 4));
        harness.Send("awake");
        harness.Recorder.Emits.Single().Values.ShouldBe(["awake"]);
    }

    [Fact]
    public void A_handshake_slower_than_the_timeout_fails_prepare()
    {
        var e = Should.Throw<ShellProcessException>(() => BoltHarness.Python("hung_start.py", TestTopology.Conf(timeoutSecs: 1)));
        e.Message.ShouldContain("did not answer the handshake within 1 s");
    }
}
