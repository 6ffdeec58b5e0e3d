using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Squall.Wire.Codec;

/// <summary>
/// Reads the wire encoding from a span. Every read checks the bytes that remain first and every length
/// is validated against them, so a truncated or corrupt buffer raises <see cref="WireFormatException"/>
/// and never an out-of-range error or an allocation sized by a bogus length.
/// </summary>
public ref partial struct WireReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly SerializerRegistry? _registry;
    private int _position;
    private int _depth;

    /// <summary>Creates a reader; user types are decoded through <paramref name="registry"/>.</summary>
    public WireReader(ReadOnlySpan<byte> buffer, SerializerRegistry? registry = null)
    {
        _buffer = buffer;
        _registry = registry;
        _position = 0;
        _depth = 0;
    }

    /// <summary>
    /// Creates a reader over a sequence. A single-segment sequence is read in place; a multi-segment
    /// one is copied into one array (an allocation; the transport hands out contiguous frames).
    /// </summary>
    public WireReader(in ReadOnlySequence<byte> buffer, SerializerRegistry? registry = null)
        : this(buffer.IsSingleSegment ? buffer.FirstSpan : buffer.ToArray(), registry)
    {
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool End => _position == _buffer.Length;

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        if (_position >= _buffer.Length)
        {
            throw Truncated(1);
        }

        return _buffer[_position++];
    }

    /// <summary>Reads 2 bytes little endian.</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    /// <summary>Reads 4 bytes little endian.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>Reads 4 bytes little endian.</summary>
    public int ReadInt32() => (int)ReadUInt32();

    /// <summary>Reads 8 bytes little endian.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads 8 bytes little endian.</summary>
    public long ReadInt64() => (long)ReadUInt64();

    /// <summary>Reads IEEE bits.</summary>
    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadUInt64());

    /// <summary>Reads IEEE bits.</summary>
    public float ReadSingle() => BitConverter.UInt32BitsToSingle(ReadUInt32());

    /// <summary>Reads a varint of at most 10 bytes; overflowing 64 bits is a format error.</summary>
    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            if (shift == 63 && b > 1)
            {
                throw new WireFormatException("Varint overflows 64 bits.");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new WireFormatException("Varint longer than 10 bytes.");
    }

    /// <summary>Reads a varint that must fit 32 bits.</summary>
    public uint ReadVarUInt32()
    {
        var value = ReadVarUInt64();
        return value <= uint.MaxValue ? (uint)value : throw new WireFormatException($"Varint {value} overflows 32 bits.");
    }

    /// <summary>Reads a zigzag varint.</summary>
    public long ReadVarInt64()
    {
        var raw = ReadVarUInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>Reads a zigzag varint that must fit 32 bits.</summary>
    public int ReadVarInt32()
    {
        var value = ReadVarInt64();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new WireFormatException($"Varint {value} overflows 32 bits.");
    }

    /// <summary>Reads <paramref name="count"/> raw bytes, in place (no copy).</summary>
    public ReadOnlySpan<byte> ReadRaw(int count) => Take(count);

    /// <summary>Reads a varint length and that many bytes, in place (no copy).</summary>
    public ReadOnlySpan<byte> ReadBytes() => Take(ReadLength(1));

    /// <summary>Reads a length-prefixed UTF-8 string; invalid UTF-8 is a format error.</summary>
    public string ReadString()
    {
        var bytes = ReadBytes();
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new WireFormatException("String is not valid UTF-8.", ex);
        }
    }

    /// <summary>
    /// Reads a varint count of items that take at least <paramref name="minBytesPerItem"/> each, and
    /// rejects counts the remaining bytes cannot hold: this is what keeps bogus lengths from allocating.
    /// </summary>
    public int ReadLength(int minBytesPerItem)
    {
        var count = ReadVarUInt64();
        if (count > (ulong)Remaining / (ulong)Math.Max(1, minBytesPerItem))
        {
            throw new WireFormatException($"Length {count} exceeds the {Remaining} bytes that remain.");
        }

        return (int)count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _position))
        {
            throw Truncated(count);
        }

        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }

    private readonly WireFormatException Truncated(int wanted) =>
        new($"Buffer truncated: needed {wanted} byte(s) at offset {_position}, {Remaining} remain.");
}
