using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Squall.ZooKeeper.Jute;

/// <summary>
/// Writes ZooKeeper's jute binary encoding: big-endian integers, length-prefixed buffers and
/// strings (length -1 means null), and vectors as a count followed by their elements.
/// </summary>
internal sealed class JuteWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public JuteWriter(int initialCapacity = 256) => _buffer = new ArrayBufferWriter<byte>(initialCapacity);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    public void Reset() => _buffer.ResetWrittenCount();

    /// <summary>Copies bytes that are already jute-encoded, such as a request body.</summary>
    public void WriteRaw(ReadOnlySpan<byte> value) => _buffer.Write(value);

    public void WriteInt(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteLong(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteBool(bool value)
    {
        _buffer.GetSpan(1)[0] = value ? (byte)1 : (byte)0;
        _buffer.Advance(1);
    }

    public void WriteBuffer(ReadOnlySpan<byte> value)
    {
        WriteInt(value.Length);
        _buffer.Write(value);
    }

    public void WriteNullBuffer() => WriteInt(-1);

    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteInt(-1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt(length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    public void WriteStringVector(IReadOnlyCollection<string>? values)
    {
        if (values is null)
        {
            WriteInt(-1);
            return;
        }

        WriteInt(values.Count);
        foreach (var value in values)
        {
            WriteString(value);
        }
    }
}
