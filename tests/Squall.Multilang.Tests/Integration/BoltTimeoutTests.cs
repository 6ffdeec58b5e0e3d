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
        Wait.Until(() => harness.Bolt.HeartbeatsAnswered >= 4, "four heartbeat answers", TimeSpan.FromSeconds(60));
        harness.Recorder.Errors.ShouldBeEmpty();
        harness.Send("cmd:pid");
        harness.Recorder.Emits.Single().Values.Single().ShouldBe(pid);
    }

    [Fact]
    public void A_hung_bolt_is_killed_after_the_timeout_and_its_tuple_failed()
    {
        using var harness = BoltHarness.Python("protocol_bolt.py", TestTopology.Conf(timeoutSecs: 2));
        var pid = harness.Bolt.ChildPid;
        var hung = harness.Topology.Input(Constants.DefaultStreamId, "cmd:hang");

        harness.Execute(hung);

        var died = harness.Recorder.Errors.Single();
        died.Message.ShouldContain("beyond the subprocess timeout of 2 s");
        harness.Recorder.Fails.Single().Tuple.ShouldBe(hung);
        Wait.Until(() => Processes.Gone(pid), "the child to be gone", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_child_taking_three_seconds_to_answer_the_handshake_is_waited_for_whatever_the_subprocess_timeout()
    {
        // The handshake has its own generous limit (120 s): a slow start is not a silent child.
        using var harness = BoltHarness.Python("slow_start.py", TestTopology.Conf(timeoutSecs: 1));
        harness.Recorder.Errors.ShouldBeEmpty();
        harness.Send("awake");
        harness.Recorder.Emits.Single().Values.ShouldBe(["awake"]);
    }

    [Fact]
    public void A_child_missing_the_handshake_timeout_is_reported_and_relaunched_until_one_starts()
    {
        var markers = Directory.CreateTempSubdirectory("squall-hang-first-");
        try
        {
            var conf = TestTopology.Conf();
            conf[MultilangConfig.HandshakeTimeoutSecs] = 5;
            var bolt = new ShellBolt("python3", "hang_first_start.py").Declare("word").DeclareStream("report", "value")
                .WithEnvironment("SQUALL_TEST_MARKER_DIR", markers.FullName);
            using var harness = new BoltHarness(bolt, conf);
            harness.Recorder.Errors.Single().Message.ShouldContain($"did not answer the handshake within 5 s ({MultilangConfig.HandshakeTimeoutSecs})");

            // Tuples fail while the relaunch backs off (1 s); then a new child starts and takes them.
            Tuple? taken = null;
            Wait.Until(
                () =>
                {
                    var input = harness.Send("again");
                    taken = harness.Recorder.Acks.Contains(input) ? input : null;
                    return taken is not null;
                },
                "a relaunched child to take a tuple",
                TimeSpan.FromSeconds(60));

            // On a loaded machine a later child may miss the limit too: then it is reported and relaunched the same way.
            harness.Recorder.Errors.ShouldAllBe(e => e.Message.Contains("did not answer the handshake", StringComparison.Ordinal));
            harness.Recorder.Emits.Single().Values.ShouldBe(["again"]);
        }
        finally
        {
            markers.Delete(recursive: true);
        }
    }
}
