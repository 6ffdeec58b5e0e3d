using System.Text;
using Squall.Multilang.Tests.Support;

namespace Squall.Multilang.Tests.Integration;

/// <summary>The bolt protocol through a real node child running Squall's storm.js.</summary>
[Trait("Category", "Integration")]
public sealed class NodeBoltTests
{
    [Fact]
    public void Task_ids_reach_the_emit_callback()
    {
        using var harness = BoltHarness.Node("echo_bolt.js");
        var input = harness.Send("cmd:ids hi");
        var emits = harness.Recorder.Emits;
        emits.Select(e => e.Stream).ShouldBe(["default", "report"]);
        emits[0].Values.ShouldBe(["hi"]);
        emits[1].Values.Single().ShouldBe(new List<object?> { 7L, 9L });
        harness.Recorder.Acks.ShouldBe([input]);
    }

    [Fact]
    public void Non_bmp_text_and_newlines_round_trip_byte_identical()
    {
        const string text = "𝄞 😀 ☃\nend\n\r\n\"\\ \u2028";
        using var harness = BoltHarness.Node("echo_bolt.js");
        harness.Send(text);
        Encoding.UTF8.GetBytes((string)harness.Recorder.Emits.Single().Values.Single()!).ShouldBe(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void A_handshake_delayed_three_seconds_by_initialize_is_waited_for()
    {
        // storm.js answers the handshake only when initialize calls back; the subprocess timeout does not apply.
        var bolt = new ShellBolt("node", "echo_bolt.js").Declare("word").DeclareStream("report", "value").WithEnvironment("HANDSHAKE_DELAY_MS", "3000");
        using var harness = new BoltHarness(bolt, TestTopology.Conf(timeoutSecs: 1));
        harness.Recorder.Errors.ShouldBeEmpty();
        harness.Send("late but fine");
        harness.Recorder.Emits.Single().Values.ShouldBe(["late but fine"]);
    }
}
