using System.Buffers;
using MessagePack;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.MsgPack;

/// <summary>
/// Writes a value tree as msgpack through MessagePack-CSharp's <see cref="MessagePackWriter"/>, which picks the
/// smallest encoding of each value as msgpack-python's packer does (fixint/int8..64 and uint8..64, float64,
/// fixstr/str8..32, bin8..32, fixarray/array16/32, fixmap/map16/32).
/// </summary>
/// <remarks>
/// <see cref="MessagePackWriter"/> is a ref struct, so it cannot live in this sink between calls: each call
/// writes through a short-lived one and flushes it into the shared buffer (the messages are small; the pipe
/// to the child, not this, is what costs).
/// </remarks>
internal sealed class MsgPackWriter : ITreeSink
{
    private readonly IBufferWriter<byte> _output;

    public MsgPackWriter(IBufferWriter<byte> output) => _output = output;

    /// <summary>Encodes one value tree to a new array.</summary>
    public static byte[] Serialize(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        TreeWalker.Walk(value, new MsgPackWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    public void WriteNull()
    {
        var writer = new MessagePackWriter(_output);
        writer.WriteNil();
        writer.Flush();
    }

    public void WriteBoolean(bool value)
    {
        var writer = new MessagePackWriter(_output);
        writer.Write(value);
        writer.Flush();
    }

    public void WriteInt64(long value)
    {
        var writer = new MessagePackWriter(_output);
        writer.Write(value);
        writer.Flush();
    }

    public void WriteUInt64(ulong value)
    {
        var writer = new MessagePackWriter(_output);
        writer.Write(value);
        writer.Flush();
    }

    public void WriteDouble(double value)
    {
        var writer = new MessagePackWriter(_output);
        writer.Write(value);
        writer.Flush();
    }

    public void WriteString(string value)
    {
        var writer = new MessagePackWriter(_output);
        writer.Write(value);
        writer.Flush();
    }

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        var writer = new MessagePackWriter(_output);
        writer.Write(value);
        writer.Flush();
    }

    public void BeginArray(int count)
    {
        var writer = new MessagePackWriter(_output);
        writer.WriteArrayHeader(count);
        writer.Flush();
    }

    public void EndArray()
    {
    }

    public void BeginMap(int count)
    {
        var writer = new MessagePackWriter(_output);
        writer.WriteMapHeader(count);
        writer.Flush();
    }

    public void WriteKey(string key) => WriteString(key);

    public void EndMap()
    {
    }
}
