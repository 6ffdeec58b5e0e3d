
namespace Squall.Wire.Codec;

public ref partial struct WireReader
{
    private const ulong TicksMask = (1UL << 62) - 1;
    private const int MaxOffsetMinutes = 14 * 60;

    /// <summary>
    /// Reads a tagged value. Lists decode as <c>object?[]</c> (whatever list or array type was
    /// written), maps as <c>Dictionary&lt;object, object?&gt;</c>, everything else as its own type.
    /// </summary>
    public object? ReadValue()
    {
        var tag = (ValueTag)ReadByte();
        return tag switch
        {
            ValueTag.Null => null,
            ValueTag.False => false,
            ValueTag.True => true,
            ValueTag.SByte => (sbyte)ReadByte(),
            ValueTag.Byte => ReadByte(),
            ValueTag.Int16 => (short)ReadUInt16(),
            ValueTag.UInt16 => ReadUInt16(),
            ValueTag.Int32 => ReadVarInt32(),
            ValueTag.UInt32 => ReadVarUInt32(),
            ValueTag.Int64 => ReadVarInt64(),
            ValueTag.UInt64 => ReadVarUInt64(),
            ValueTag.Single => ReadSingle(),
            ValueTag.Double => ReadDouble(),
            ValueTag.Decimal => ReadDecimal(),
            ValueTag.Char => (char)ReadUInt16(),
            ValueTag.String => ReadString(),
            ValueTag.Bytes => ReadBytes().ToArray(),
            ValueTag.DateTime => ReadDateTime(),
            ValueTag.DateTimeOffset => ReadDateTimeOffset(),
            ValueTag.TimeSpan => new TimeSpan(ReadInt64()),
            ValueTag.Guid => new Guid(Take(16)),
            ValueTag.List => ReadList(),
            ValueTag.Map => ReadMap(),
            ValueTag.Custom => ReadCustom(),
            ValueTag.Object => ReadFallback(),
            _ => throw new WireFormatException($"Unknown value tag {(byte)tag} at offset {_position - 1}."),
        };
    }

    /// <summary>Reads a tagged int (as written by WriteInt32Value) if the next value is one, without boxing; otherwise reads nothing.</summary>
    public bool TryReadInt32Value(out int value)
    {
        if (NextTagIs(ValueTag.Int32))
        {
            _position++;
            value = ReadVarInt32();
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads a tagged long (as written by WriteInt64Value) if the next value is one, without boxing; otherwise reads nothing.</summary>
    public bool TryReadInt64Value(out long value)
    {
        if (NextTagIs(ValueTag.Int64))
        {
            _position++;
            value = ReadVarInt64();
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads a tagged double (as written by WriteDoubleValue) if the next value is one, without boxing; otherwise reads nothing.</summary>
    public bool TryReadDoubleValue(out double value)
    {
        if (NextTagIs(ValueTag.Double))
        {
            _position++;
            value = ReadDouble();
            return true;
        }

        value = 0;
        return false;
    }

    private readonly bool NextTagIs(ValueTag tag) => _position < _buffer.Length && _buffer[_position] == (byte)tag;

    private decimal ReadDecimal()
    {
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = ReadInt32();
        }

        // decimal.GetBits layout: flags hold only the sign (bit 31) and a scale of 0..28 (bits 16-23).
        var flags = bits[3];
        var scale = (flags >> 16) & 0xFF;
        if ((flags & 0x7F00FFFF) != 0 || scale > 28)
        {
            throw new WireFormatException($"Invalid decimal flags 0x{flags:X8}.");
        }

        return new decimal(bits);
    }

    private DateTime ReadDateTime()
    {
        var raw = ReadUInt64();
        var kind = raw >> 62;
        var ticks = raw & TicksMask;
        if (kind > (ulong)DateTimeKind.Local || ticks > (ulong)DateTime.MaxValue.Ticks)
        {
            throw new WireFormatException($"Invalid DateTime 0x{raw:X16}.");
        }

        return new DateTime((long)ticks, (DateTimeKind)kind);
    }

    private DateTimeOffset ReadDateTimeOffset()
    {
        var ticks = ReadInt64();
        var minutes = (short)ReadUInt16();
        var utcTicks = ticks - (minutes * TimeSpan.TicksPerMinute);
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks || Math.Abs((int)minutes) > MaxOffsetMinutes
            || utcTicks < 0 || utcTicks > DateTime.MaxValue.Ticks)
        {
            throw new WireFormatException($"Invalid DateTimeOffset ticks {ticks} offset {minutes} min.");
        }

        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes));
    }

    // Lists and maps read every element even after one is undecodable, and only then throw: the reader then
    // stands after the whole value, so the caller can drop what holds it and read on.
    private object?[] ReadList()
    {
        Enter();
        var items = new object?[ReadLength(1)];
        UndecodableValueException? undecodable = null;
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ReadValueNoting(ref undecodable);
        }

        _depth--;
        return undecodable is null ? items : throw undecodable;
    }

    private Dictionary<object, object?> ReadMap()
    {
        Enter();
        var count = ReadLength(2);
        var map = new Dictionary<object, object?>(count);
        UndecodableValueException? undecodable = null;
        for (var i = 0; i < count; i++)
        {
            var key = ReadValueNoting(ref undecodable);
            var value = ReadValueNoting(ref undecodable);
            if (undecodable is not null)
            {
                continue;
            }

            if (!map.TryAdd(key ?? throw new WireFormatException("Map key is null."), value))
            {
                throw new WireFormatException($"Duplicate map key '{key}'.");
            }
        }

        _depth--;
        return undecodable is null ? map : throw undecodable;
    }

    private object? ReadValueNoting(ref UndecodableValueException? first)
    {
        try
        {
            return ReadValue();
        }
        catch (UndecodableValueException e)
        {
            first ??= e;
            return null;
        }
    }

    private object ReadCustom()
    {
        var tag = ReadUInt32();
        var payload = ReadBytes();
        // The value's bytes are read: from here on, a failure costs this value only (see UndecodableValueException).
        if (_registry is null || !_registry.TryGetByTag(tag, out var serializer))
        {
            throw new UndecodableValueException($"No serializer is registered here for type tag {tag}.") { TypeName = $"(type tag {tag})" };
        }

        Enter();
        var inner = new WireReader(payload, _registry) { _depth = _depth };
        _depth--;
        object? value;
        try
        {
            value = serializer.Read(ref inner);
        }
        catch (Exception ex)
        {
            throw SerializerFailed(serializer, $"it threw: {ex.GetBaseException().Message}", ex);
        }

        if (!inner.End)
        {
            throw SerializerFailed(serializer, $"it read {inner.Position} of the {payload.Length} bytes written", null);
        }

        return value is not null && value.GetType() == serializer.Type
            ? value
            : throw SerializerFailed(serializer, $"it returned '{value?.GetType().FullName ?? "null"}'", null);
    }

    private static UndecodableValueException SerializerFailed(IValueSerializer serializer, string what, Exception? cause)
    {
        var message = $"The serializer '{serializer.GetType().FullName}' failed to read a '{serializer.Type.FullName}': {what}.";
        return new UndecodableValueException(message, cause) { TypeName = serializer.Type.FullName!, Serializer = serializer.GetType().FullName };
    }

    private object ReadFallback()
    {
        var name = ReadString();
        var payload = ReadBytes().ToArray();
        // The value's bytes are read: from here on, a failure costs this value only (see UndecodableValueException).
        var fallback = _registry?.Fallback ?? throw new UndecodableValueException($"A '{name}' arrived, but no fallback serializer is set.") { TypeName = name };
        var type = fallback.ResolveType(name) ?? throw new UndecodableValueException($"Type '{name}' is unknown here or may not be deserialized.") { TypeName = name };
        try
        {
            return fallback.Deserialize(payload, type);
        }
        catch (Exception e)
        {
            throw new UndecodableValueException($"The fallback serializer failed to read a '{name}': {e.GetBaseException().Message}", e) { TypeName = name };
        }
    }

    private void Enter()
    {
        if (++_depth > WireFormat.MaxDepth)
        {
            throw new WireFormatException($"Value nesting exceeds {WireFormat.MaxDepth} levels.");
        }
    }
}
