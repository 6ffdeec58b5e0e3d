using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.MsgPack;

/// <summary>
/// Writes msgpack (https://github.com/msgpack/msgpack/blob/master/spec.md) with the smallest encoding of each
/// value, as msgpack-python's packer does: fixint/int8..64 and uint8..64, float64, fixstr/str8..32,
/// bin8..32, fixarray/array16/32, fixmap/map16/32. Written here because no msgpack package is restorable.
/// </summary>
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

    public void WriteNull() => WriteByte(0xc0);

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)0xc3 : (byte)0xc2);

    public void WriteInt64(long value)
    {
        if (value >= 0)
        {
            WriteUInt64((ulong)value);
        }
        else if (value >= -32)
        {
            WriteByte(unchecked((byte)(sbyte)value));
        }
        else if (value >= sbyte.MinValue)
        {
            Write(0xd0, unchecked((byte)(sbyte)value));
        }
        else if (value >= short.MinValue)
        {
            Span<byte> b = stackalloc byte[2];
            BinaryPrimitives.WriteInt16BigEndian(b, (short)value);
            Write(0xd1, b);
        }
        else if (value >= int.MinValue)
        {
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, (int)value);
            Write(0xd2, b);
        }
        else
        {
            Span<byte> b = stackalloc byte[8];
            BinaryPrimitives.WriteInt64BigEndian(b, value);
            Write(0xd3, b);
        }
    }

    public void WriteUInt64(ulong value)
    {
        if (value <= 0x7f)
        {
            WriteByte((byte)value);
        }
        else if (value <= byte.MaxValue)
        {
            Write(0xcc, (byte)value);
        }
        else if (value <= ushort.MaxValue)
        {
            WriteUInt16(0xcd, (ushort)value);
        }
        else if (value <= uint.MaxValue)
        {
            WriteUInt32(0xce, (uint)value);
        }
        else
        {
            Span<byte> b = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(b, value);
            Write(0xcf, b);
        }
    }

    public void WriteDouble(double value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(b, value);
        Write(0xcb, b);
    }

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length <= 31)
        {
            WriteByte((byte)(0xa0 | length));
        }
        else
        {
            WriteLength(length, 0xd9, 0xda, 0xdb);
        }

        var span = _output.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        _output.Advance(length);
    }

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteLength(value.Length, 0xc4, 0xc5, 0xc6);
        _output.Write(value);
    }

    public void BeginArray(int count)
    {
        if (count <= 15)
        {
            WriteByte((byte)(0x90 | count));
        }
        else
        {
            WriteLength(count, null, 0xdc, 0xdd);
        }
    }

    public void EndArray()
    {
    }

    public void BeginMap(int count)
    {
        if (count <= 15)
        {
            WriteByte((byte)(0x80 | count));
        }
        else
        {
            WriteLength(count, null, 0xde, 0xdf);
        }
    }

    public void WriteKey(string key) => WriteString(key);

    public void EndMap()
    {
    }

    private void WriteLength(int length, byte? code8, byte code16, byte code32)
    {
        if (code8 is { } c8 && length <= byte.MaxValue)
        {
            Write(c8, (byte)length);
        }
        else if (length <= ushort.MaxValue)
        {
            WriteUInt16(code16, (ushort)length);
        }
        else
        {
            WriteUInt32(code32, (uint)length);
        }
    }

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    private void WriteUInt16(byte code, ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, value);
        Write(code, b);
    }

    private void WriteUInt32(byte code, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        Write(code, b);
    }

    private void Write(byte code, byte payload) => Write(code, [payload]);

    private void Write(byte code, ReadOnlySpan<byte> payload)
    {
        var span = _output.GetSpan(payload.Length + 1);
        span[0] = code;
        payload.CopyTo(span[1..]);
        _output.Advance(payload.Length + 1);
    }
}
