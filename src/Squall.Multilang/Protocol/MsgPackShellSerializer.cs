using Squall.Multilang.MsgPack;

namespace Squall.Multilang.Protocol;

/// <summary>
/// pystorm's msgpack wire format (<c>-s msgpack</c>): the same maps and arrays as JSON, concatenated as
/// msgpack values with no delimiter.
/// </summary>
internal sealed class MsgPackShellSerializer : IShellSerializer
{
    public static readonly MsgPackShellSerializer Instance = new();

    public void Write(Stream output, HostMessage message)
    {
        output.Write(MsgPackWriter.Serialize(ProtocolMapper.ToTree(message)));
        output.Flush();
    }

    public IShellMessageReader CreateReader(Stream input) => new Reader(new MsgPackReader(input));

    private sealed class Reader(MsgPackReader reader) : IShellMessageReader
    {
        public ChildMessage Read() => reader.TryRead(out var tree)
            ? ProtocolMapper.Parse(tree, reader.CurrentHex)
            : throw ShellProtocolException.Eof(string.Empty);
    }
}
