using System.Text;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class JsonFramingTests
{
    [Fact]
    public void A_host_message_is_one_line_of_json_then_end_with_lf_only_and_no_bom()
    {
        var bytes = JsonShellSerializer.Encode(new TupleMessage("42", "spout", "default", 3, ["a\nb\r\nc", "𝄞😀"]));
        bytes[..3].ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldEndWith("}\nend\n");
        text.Count(c => c == '\n').ShouldBe(2);
        text.ShouldNotContain("\r");
        var back = (Dictionary<string, object?>)JsonTree.Parse(text[..^5])!;
        ((List<object?>)back["tuple"]!).ShouldBe(["a\nb\r\nc", "𝄞😀"]);
        back["task"].ShouldBe(3L);
        back["comp"].ShouldBe("spout");
    }

    [Fact]
    public void A_heartbeat_has_a_null_comp_task_minus_one_and_no_values()
    {
        var text = Encoding.UTF8.GetString(JsonShellSerializer.Encode(TupleMessage.Heartbeat("7")));
        text.ShouldBe("{\"id\":\"7\",\"comp\":null,\"stream\":\"__heartbeat\",\"task\":-1,\"tuple\":[]}\nend\n");
    }

    [Fact]
    public void Task_id_replies_are_bare_arrays_and_spout_commands_carry_an_id()
    {
        Encoding.UTF8.GetString(JsonShellSerializer.Encode(new TaskIdsMessage([3, 7]))).ShouldBe("[3,7]\nend\n");
        Encoding.UTF8.GetString(JsonShellSerializer.Encode(SpoutCommandMessage.Next)).ShouldBe("{\"command\":\"next\",\"id\":\"\"}\nend\n");
        Encoding.UTF8.GetString(JsonShellSerializer.Encode(new SpoutCommandMessage(SpoutCommand.Ack, 12L))).ShouldBe("{\"command\":\"ack\",\"id\":12}\nend\n");
    }

    [Theory]
    [InlineData("{\"command\":\"sync\"}\nend\n")]
    [InlineData("{\"command\":\"sync\"}\r\nend\r\n")]
    [InlineData("{\"command\":\"sync\"}\rend\r")]
    [InlineData("{\n  \"command\":\n  \"sync\"\n}\nend\n")]
    public void Child_messages_accept_lf_cr_crlf_and_multi_line_json(string wire) =>
        Reader(wire).Read().ShouldBe(SyncMessage.Instance);

    [Fact]
    public void Messages_are_read_one_after_another_across_buffer_boundaries()
    {
        var big = new string('w', 100_000);
        var reader = Reader($"{{\"command\":\"log\",\"msg\":\"{big}\"}}\nend\n{{\"command\":\"sync\"}}\nend\n");
        ((LogMessage)reader.Read()).Text.ShouldBe(big);
        reader.Read().ShouldBe(SyncMessage.Instance);
    }

    [Fact]
    public void Stray_output_before_a_message_is_fatal_and_quoted()
    {
        var e = Should.Throw<ShellProtocolException>(() => Reader("hello from print\n{\"command\":\"sync\"}\nend\n").Read());
        e.Message.ShouldContain("hello from print");
        e.IsEndOfStream.ShouldBeFalse();
    }

    [Fact]
    public void Eof_in_the_middle_of_a_message_quotes_the_partial_text()
    {
        var e = Should.Throw<ShellProtocolException>(() => Reader("{\"command\":\"em").Read());
        e.IsEndOfStream.ShouldBeTrue();
        e.Message.ShouldContain("{\"command\":\"em");
    }

    [Fact]
    public void Invalid_utf8_is_fatal() =>
        Should.Throw<ShellProtocolException>(() => JsonShellSerializer.Instance.CreateReader(new MemoryStream([0xff, 0xfe, (byte)'\n', .. "end\n"u8])).Read());

    private static IShellMessageReader Reader(string wire) =>
        JsonShellSerializer.Instance.CreateReader(new MemoryStream(Encoding.UTF8.GetBytes(wire)));
}
