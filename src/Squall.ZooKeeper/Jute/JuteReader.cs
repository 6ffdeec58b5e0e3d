using System.Buffers.Binary;
using System.Text;

namespace Squall.ZooKeeper.Jute;

/// <summary>Reads the jute encoding that <see cref="JuteWriter"/> writes; throws on truncated input.</summary>
internal ref struct JuteReader
{
    // ZooKeeper's own jute.maxbuffer defaults to 1 MiB; a larger length means a corrupt or hostile frame.
    private const int MaxLength = 16 * 1024 * 1024;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public JuteReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Remaining => _data.Length - _position;

    public int ReadInt() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public long ReadLong() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

    public bool ReadBool() => Take(1)[0] != 0;

    public byte[]? ReadBuffer()
    {
        var length = ReadLength();
        return length < 0 ? null : Take(length).ToArray();
    }

    public string? ReadString()
    {
        var length = ReadLength();
        return length < 0 ? null : Encoding.UTF8.GetString(Take(length));
    }

    public List<string>? ReadStringVector()
    {
        var count = ReadLength();
        if (count < 0)
        {
            return null;
        }

        var values = new List<string>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            values.Add(ReadString() ?? throw new InvalidDataException("Null string inside a jute vector."));
        }

        return values;
    }

    private int ReadLength()
    {
        var length = ReadInt();
        if (length > MaxLength || length < -1)
        {
            throw new InvalidDataException($"Jute length {length} is out of range.");
        }

        return length;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new InvalidDataException($"Jute record truncated: needed {count} bytes, {Remaining} left.");
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
