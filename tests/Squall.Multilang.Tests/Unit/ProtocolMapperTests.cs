using Squall.Multilang.Protocol;

namespace Squall.Multilang.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ProtocolMapperTests
{
    [Fact]
    public void An_emit_takes_storm_defaults()
    {
        var emit = (EmitMessage)Parse("""{"command":"emit","tuple":["a",1]}""");
        emit.ShouldBe(emit with { Stream = "default", Task = null, Id = null, NeedTaskIds = true });
        emit.Anchors.ShouldBeEmpty();
        emit.Tuple.ShouldBe(["a", 1L]);
    }

    [Fact]
    public void An_emit_keeps_its_id_type_and_reads_every_option()
    {
        var emit = (EmitMessage)Parse("""{"command":"emit","tuple":[],"id":5,"stream":"s","task":9,"anchors":"x","need_task_ids":false}""");
        (emit.Id, emit.Stream, emit.Task, emit.NeedTaskIds).ShouldBe((5L, "s", 9, false));
        emit.Anchors.ShouldBe(["x"]);
        ((EmitMessage)Parse("""{"command":"emit","tuple":[],"task":0}""")).Task.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"command":"emit"}""")]
    [InlineData("""{"command":"emit","tuple":[],"anchors":[1]}""")]
    [InlineData("""{"command":"emit","tuple":[],"task":"3"}""")]
    [InlineData("""{"command":"emit","tuple":[],"task":1.5}""")]
    [InlineData("""{"command":"emit","tuple":[],"stream":4}""")]
    [InlineData("""{"command":"emit","tuple":[],"need_task_ids":"no"}""")]
    [InlineData("""{"command":"ack","id":12}""")]
    [InlineData("""{"command":"metrics","params":1}""")]
    [InlineData("""{"no":"command"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"command":3}""")]
    public void Malformed_messages_are_protocol_errors_quoting_the_text(string json) =>
        Should.Throw<ShellProtocolException>(() => Parse(json)).Message.ShouldContain(json);

    [Theory]
    [InlineData("""{"command":"log","msg":"m","level":0}""", ShellLogLevel.Trace)]
    [InlineData("""{"command":"log","msg":"m","level":4}""", ShellLogLevel.Error)]
    [InlineData("""{"command":"log","msg":"m"}""", ShellLogLevel.Info)]
    [InlineData("""{"command":"log","msg":"m","level":9}""", ShellLogLevel.Info)]
    [InlineData("""{"command":"log","msg":"m","level":"warn"}""", ShellLogLevel.Info)]
    public void Log_levels_map_zero_to_four_and_default_to_info(string json, ShellLogLevel level) =>
        Parse(json).ShouldBe(new LogMessage(level, "m"));

    [Fact]
    public void Other_commands_map_to_their_records()
    {
        Parse("""{"pid":1234}""").ShouldBe(new PidMessage(1234));
        Parse("""{"command":"ack","id":"1"}""").ShouldBe(new AckMessage("1"));
        Parse("""{"command":"fail","id":"2"}""").ShouldBe(new FailMessage("2"));
        Parse("""{"command":"error","msg":"bad"}""").ShouldBe(new ErrorMessage("bad"));
        Parse("""{"command":"metrics","name":"n","params":null}""").ShouldBe(new MetricsMessage("n", null));
        Parse("""{"command":"sync"}""").ShouldBe(SyncMessage.Instance);
        Parse("""{"command":"dance"}""").ShouldBe(new UnknownMessage("dance"));
    }

    [Theory]
    [InlineData(null, typeof(JsonShellSerializer))]
    [InlineData("json", typeof(JsonShellSerializer))]
    [InlineData("org.apache.storm.multilang.JsonSerializer", typeof(JsonShellSerializer))]
    [InlineData("msgpack", typeof(MsgPackShellSerializer))]
    [InlineData("com.yelp.pyleus.serializer.MessagePackSerializer", typeof(MsgPackShellSerializer))]
    public void The_serializer_is_chosen_by_name(string? name, Type expected) =>
        ShellSerializers.FromName(name).ShouldBeOfType(expected);

    [Fact]
    public void An_unknown_serializer_is_refused() => Should.Throw<ArgumentException>(() => ShellSerializers.FromName("xml"));

    private static ChildMessage Parse(string json) => ProtocolMapper.Parse(JsonTree.Parse(json), json);
}
