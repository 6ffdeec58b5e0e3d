using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.MsgPack;

/// <summary>
/// Reads msgpack values one at a time from a blocking stream, as pystorm's streaming unpacker does on the
/// other side. Produces the neutral tree: null, bool, long (ulong above long.MaxValue), double, string,
/// byte[], <see cref="MsgPackExtension"/>, <c>List&lt;object?&gt;</c> and <c>Dictionary&lt;string, object?&gt;</c>
/// (non-string keys by their invariant text). EOF, even mid-value, raises
/// <see cref="ShellProtocolException.IsEndOfStream"/> quoting the bytes of the partial value.
/// </summary>
internal sealed class MsgPackReader
{
    private const int MaxDepth = 64;
    private const int MaxLength = 64 * 1024 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _input;
    private readonly ArrayBufferWriter<byte> _current = new();

    public MsgPackReader(Stream input) => _input = input;

    /// <summary>The bytes of the value being read, as hex, for error messages.</summary>
    public string CurrentHex
    {
        get
        {
            var bytes = _current.WrittenSpan[..Math.Min(_current.WrittenCount, 4096)];
            return $"{Convert.ToHexString(bytes)} (as text: {Encoding.UTF8.GetString(bytes)})";
        }
    }

    /// <summary>Reads one complete value; returns false at a clean EOF between values.</summary>
    public bool TryRead(out object? value)
    {
        _current.ResetWrittenCount();
        var first = _input.ReadByte();
        if (first < 0)
        {
            value = null;
            return false;
        }

        _current.Write([(byte)first]);
        value = ReadValue((byte)first, 0);
        return true;
    }

    private object? ReadValue(byte code, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Bad("values nested too deeply");
        }

        return code switch
        {
            <= 0x7f => (long)code,
            >= 0xe0 => (long)(sbyte)code,
            >= 0x80 and <= 0x8f => ReadMap(code & 0x0f, depth),
            >= 0x90 and <= 0x9f => ReadArray(code & 0x0f, depth),
            >= 0xa0 and <= 0xbf => ReadString(code & 0x1f),
            0xc0 => null,
            0xc2 => false,
            0xc3 => true,
            0xc4 => ReadBytes(Length(1)),
            0xc5 => ReadBytes(Length(2)),
            0xc6 => ReadBytes(Length(4)),
            0xc7 => ReadExtension(Length(1)),
            0xc8 => ReadExtension(Length(2)),
            0xc9 => ReadExtension(Length(4)),
            0xca => (double)BinaryPrimitives.ReadSingleBigEndian(Take(4)),
            0xcb => BinaryPrimitives.ReadDoubleBigEndian(Take(8)),
            0xcc => (long)Take(1)[0],
            0xcd => (long)BinaryPrimitives.ReadUInt16BigEndian(Take(2)),
            0xce => (long)BinaryPrimitives.ReadUInt32BigEndian(Take(4)),
            0xcf => BinaryPrimitives.ReadUInt64BigEndian(Take(8)) is var u && u <= long.MaxValue ? (long)u : u,
            0xd0 => (long)(sbyte)Take(1)[0],
            0xd1 => (long)BinaryPrimitives.ReadInt16BigEndian(Take(2)),
            0xd2 => (long)BinaryPrimitives.ReadInt32BigEndian(Take(4)),
            0xd3 => BinaryPrimitives.ReadInt64BigEndian(Take(8)),
            0xd4 => ReadExtension(1),
            0xd5 => ReadExtension(2),
            0xd6 => ReadExtension(4),
            0xd7 => ReadExtension(8),
            0xd8 => ReadExtension(16),
            0xd9 => ReadString(Length(1)),
            0xda => ReadString(Length(2)),
            0xdb => ReadString(Length(4)),
            0xdc => ReadArray(Length(2), depth),
            0xdd => ReadArray(Length(4), depth),
            0xde => ReadMap(Length(2), depth),
            0xdf => ReadMap(Length(4), depth),
            _ => throw Bad($"0x{code:x2} is not a msgpack type"),
        };
    }

    private List<object?> ReadArray(int count, int depth)
    {
        var list = new List<object?>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadValue(Take(1)[0], depth + 1));
        }

        return list;
    }

    private Dictionary<string, object?> ReadMap(int count, int depth)
    {
        var map = new Dictionary<string, object?>(Math.Min(count, 1024), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadValue(Take(1)[0], depth + 1);
            var text = key as string ?? (key is byte[] raw ? StrictUtf8.GetString(raw) : Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty);
            map[text] = ReadValue(Take(1)[0], depth + 1);
        }

        return map;
    }

    private string ReadString(int length)
    {
        try
        {
            return StrictUtf8.GetString(Take(length));
        }
        catch (DecoderFallbackException e)
        {
            throw new ShellProtocolException($"a msgpack string is not valid UTF-8: {CurrentHex}", e) { RawText = CurrentHex };
        }
    }

    private byte[] ReadBytes(int length) => Take(length).ToArray();

    private MsgPackExtension ReadExtension(int length)
    {
        var type = (sbyte)Take(1)[0];
        return new MsgPackExtension(type, Take(length).ToArray());
    }

    private int Length(int size)
    {
        var bytes = Take(size);
        var length = size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            _ => BinaryPrimitives.ReadUInt32BigEndian(bytes),
        };
        return length <= MaxLength ? (int)length : throw Bad($"a length of {length} is beyond the {MaxLength} byte limit");
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes into the current value's buffer and returns them.</summary>
    private ReadOnlySpan<byte> Take(int count)
    {
        var target = _current.GetSpan(count)[..count];
        var read = 0;
        while (read < count)
        {
            var n = _input.Read(target[read..]);
            if (n == 0)
            {
                _current.Advance(read);
                throw ShellProtocolException.Eof(CurrentHex);
            }

            read += n;
        }

        _current.Advance(count);
        return _current.WrittenSpan[^count..];
    }

    private ShellProtocolException Bad(string reason) => ShellProtocolException.Bad(reason, CurrentHex);
}
