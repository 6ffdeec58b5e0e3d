using Squall.Multilang.Tests.Support;

namespace Squall.Multilang.Tests.Integration;

/// <summary>topology.multilang.serializer=msgpack with a python child speaking msgpack (storm.py's built-in codec).</summary>
[Trait("Category", "Integration")]
public sealed class MsgPackChildTests
{
    [Fact]
    public void Values_of_every_msgpack_type_round_trip_and_task_ids_come_back()
    {
        using var harness = BoltHarness.Python(
            "protocol_bolt.py",
            TestTopology.Conf(serializer: "msgpack"),
            b => b.WithEnvironment("SQUALL_MULTILANG_SERIALIZER", "msgpack"));
        var values = new object?[]
        {
            "non-BMP 𝄞😀\nline", 0L, -1L, 300L, -40000L, long.MaxValue, long.MinValue, 2.5, true, false, null,
            new byte[] { 0, 1, 255 }, new List<object?> { "nested", new List<object?> { 1L } },
        };
        foreach (var value in values)
        {
            harness.Send(value);
        }

        harness.Send("cmd:ids word");
        var echoed = harness.Recorder.Emits.Take(values.Length).Select(e => e.Values.Single()).ToList();
        echoed.ShouldBe(values);
        harness.Recorder.Emits[^1].Values.Single().ShouldBe(new List<object?> { 7L, 9L });
        harness.Recorder.Acks.Count.ShouldBe(values.Length + 1);
        harness.Recorder.Errors.ShouldBeEmpty();
    }
}
