namespace Squall.Wire.Tests.Support;

/// <summary>Seeded random value trees over every built-in wire type, for property tests.</summary>
internal sealed class RandomValues(int seed)
{
    private readonly Random _random = new(seed);

    public object? Next(int depth = 0)
    {
        var kind = _random.Next(depth >= 4 ? 22 : 25);
        return kind switch
        {
            0 => null,
            1 => _random.Next(2) == 0,
            2 => (sbyte)_random.Next(),
            3 => (byte)_random.Next(),
            4 => (short)_random.Next(),
            5 => (ushort)_random.Next(),
            6 => Pick(_random.Next(), int.MinValue, int.MaxValue),
            7 => (uint)_random.NextInt64(),
            8 => Pick(_random.NextInt64(long.MinValue, long.MaxValue), long.MinValue, 0L),
            9 => (ulong)_random.NextInt64(long.MinValue, long.MaxValue),
            10 => BitConverter.Int32BitsToSingle(_random.Next(int.MinValue, int.MaxValue)),
            11 => BitConverter.Int64BitsToDouble(_random.NextInt64(long.MinValue, long.MaxValue)),
            12 => new decimal(_random.Next(), _random.Next(), _random.Next(), _random.Next(2) == 0, (byte)_random.Next(29)),
            13 => (char)_random.Next(0, 0xD800),
            14 => NextString(),
            15 => NextBytes(),
            16 => new DateTime(_random.NextInt64(DateTime.MaxValue.Ticks), (DateTimeKind)_random.Next(3)),
            17 => new DateTimeOffset(_random.NextInt64(TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay), TimeSpan.FromMinutes(_random.Next(-840, 841))),
            18 => new TimeSpan(_random.NextInt64(long.MinValue, long.MaxValue)),
            19 => new Guid(NextBytes(16)),
            20 => Point(),
            21 => new Envelope(depth >= 4 ? null : Next(depth + 1)),
            22 => NextList(depth),
            23 => NextMap(depth),
            _ => NextTypedList(),
        };
    }

    private T Pick<T>(T random, T edge1, T edge2) => _random.Next(8) switch
    {
        0 => edge1,
        1 => edge2,
        _ => random,
    };

    private Point Point() => new(_random.Next(int.MinValue, int.MaxValue), _random.Next(-5, 5), NextString());

    private string NextString()
    {
        var length = _random.Next(12);
        var chars = new List<char>();
        for (var i = 0; i < length; i++)
        {
            if (_random.Next(6) == 0)
            {
                chars.AddRange(char.ConvertFromUtf32(_random.Next(0x10000, 0x10FFFF)));
            }
            else
            {
                chars.Add((char)_random.Next(1, 0xD800));
            }
        }

        return new string(chars.ToArray());
    }

    private byte[] NextBytes(int? length = null)
    {
        var bytes = new byte[length ?? _random.Next(10)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private object?[] NextList(int depth)
    {
        var items = new object?[_random.Next(5)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Next(depth + 1);
        }

        return items;
    }

    private Dictionary<object, object?> NextMap(int depth)
    {
        var map = new Dictionary<object, object?>();
        for (var i = _random.Next(4); i > 0; i--)
        {
            map.TryAdd(_random.Next(2) == 0 ? NextString() : _random.NextInt64(), Next(depth + 1));
        }

        return map;
    }

    private object NextTypedList() => _random.Next(3) switch
    {
        0 => new List<int> { _random.Next(), -_random.Next() },
        1 => new long[] { _random.NextInt64(), long.MinValue },
        _ => new List<string> { NextString() },
    };
}
