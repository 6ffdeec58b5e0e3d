using System.Buffers;
using System.Collections;

namespace Squall.Wire.Codec;

public ref partial struct WireWriter<TBufferWriter>
{
    /// <summary>
    /// Writes a tagged value: any built-in type (see <see cref="ValueTag"/>), an <see cref="IList"/>,
    /// an <see cref="IDictionary"/>, or a type registered in the <see cref="SerializerRegistry"/>.
    /// Exact built-in and registered types are matched before the list and map interfaces.
    /// </summary>
    /// <exception cref="WireEncodingException">The type is unsupported, or nesting exceeds <see cref="WireFormat.MaxDepth"/>.</exception>
    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null: WriteByte((byte)ValueTag.Null); break;
            case bool b: WriteBooleanValue(b); break;
            case int i: WriteInt32Value(i); break;
            case long l: WriteInt64Value(l); break;
            case string s: WriteByte((byte)ValueTag.String); WriteString(s); break;
            case double d: WriteDoubleValue(d); break;
            case byte[] bytes: WriteByte((byte)ValueTag.Bytes); WriteBytes(bytes); break;
            case sbyte sb: WriteByte((byte)ValueTag.SByte); WriteByte((byte)sb); break;
            case byte by: WriteByteValue(by); break;
            case short sh: WriteInt16Value(sh); break;
            case ushort us: WriteByte((byte)ValueTag.UInt16); WriteUInt16(us); break;
            case uint ui: WriteByte((byte)ValueTag.UInt32); WriteVarUInt32(ui); break;
            case ulong ul: WriteByte((byte)ValueTag.UInt64); WriteVarUInt64(ul); break;
            case float f: WriteSingleValue(f); break;
            case decimal m: WriteDecimal(m); break;
            case char c: WriteCharValue(c); break;
            case DateTime dt: WriteDateTime(dt); break;
            case DateTimeOffset dto: WriteDateTimeOffset(dto); break;
            case TimeSpan ts: WriteByte((byte)ValueTag.TimeSpan); WriteInt64(ts.Ticks); break;
            case Guid g: WriteGuid(g); break;
            default: WriteComposite(value); break;
        }
    }

    /// <summary>Writes an int as a tagged value without boxing it.</summary>
    public void WriteInt32Value(int value)
    {
        WriteByte((byte)ValueTag.Int32);
        WriteVarInt32(value);
    }

    /// <summary>Writes a long as a tagged value without boxing it.</summary>
    public void WriteInt64Value(long value)
    {
        WriteByte((byte)ValueTag.Int64);
        WriteVarInt64(value);
    }

    /// <summary>Writes a double as a tagged value without boxing it.</summary>
    public void WriteDoubleValue(double value)
    {
        WriteByte((byte)ValueTag.Double);
        WriteDouble(value);
    }

    /// <summary>Writes a bool as a tagged value without boxing it.</summary>
    public void WriteBooleanValue(bool value) => WriteByte((byte)(value ? ValueTag.True : ValueTag.False));

    /// <summary>Writes a byte as a tagged value without boxing it.</summary>
    public void WriteByteValue(byte value)
    {
        WriteByte((byte)ValueTag.Byte);
        WriteByte(value);
    }

    /// <summary>Writes a short as a tagged value without boxing it.</summary>
    public void WriteInt16Value(short value)
    {
        WriteByte((byte)ValueTag.Int16);
        WriteUInt16((ushort)value);
    }

    /// <summary>Writes a char as a tagged value without boxing it.</summary>
    public void WriteCharValue(char value)
    {
        WriteByte((byte)ValueTag.Char);
        WriteUInt16(value);
    }

    /// <summary>Writes a float as a tagged value without boxing it.</summary>
    public void WriteSingleValue(float value)
    {
        WriteByte((byte)ValueTag.Single);
        WriteSingle(value);
    }

    private void WriteDecimal(decimal value)
    {
        WriteByte((byte)ValueTag.Decimal);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        for (var i = 0; i < 4; i++)
        {
            WriteInt32(bits[i]);
        }
    }

    private void WriteDateTime(DateTime value)
    {
        WriteByte((byte)ValueTag.DateTime);
        WriteUInt64((ulong)value.Ticks | ((ulong)value.Kind << 62));
    }

    private void WriteDateTimeOffset(DateTimeOffset value)
    {
        WriteByte((byte)ValueTag.DateTimeOffset);
        WriteInt64(value.Ticks);
        WriteUInt16((ushort)(short)value.TotalOffsetMinutes);
    }

    private void WriteGuid(Guid value)
    {
        WriteByte((byte)ValueTag.Guid);
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        WriteRaw(bytes);
    }

    private void WriteComposite(object value)
    {
        if (_registry is not null && _registry.TryGetByType(value.GetType(), out var tag, out var serializer))
        {
            WriteCustom(tag, serializer, value);
            return;
        }

        switch (value)
        {
            case IList list: WriteList(list); break;
            case IDictionary map: WriteMap(map); break;
            case var _ when _registry?.Fallback is { } fallback: WriteFallback(fallback, value); break;
            default:
                throw new WireEncodingException(
                    $"Cannot encode a value of type '{value.GetType().FullName}': it is not a built-in wire type "
                    + "and no serializer is registered for it (register one in the SerializerRegistry).")
                {
                    ValueType = value.GetType(),
                };
        }
    }

    /// <summary>
    /// A user serializer writes into a scratch buffer, and its bytes follow their length: a serializer that
    /// throws half way leaves nothing in the output, and a reader can step over a value its serializer fails
    /// to read, so either failure costs that value only.
    /// </summary>
    private void WriteCustom(uint tag, IValueSerializer serializer, object value)
    {
        Enter(value);
        var scratch = CustomValueScratch.Rent();
        try
        {
            var inner = new WireWriter<ArrayBufferWriter<byte>>(scratch, _registry, _depth);
            try
            {
                serializer.Write(ref inner, value);
            }
            catch (Exception e) when (e is not WireEncodingException)
            {
                throw new WireEncodingException(
                    $"Cannot encode a value of type '{value.GetType().FullName}': its serializer '{serializer.GetType().FullName}' failed: {e.GetBaseException().Message}", e)
                {
                    ValueType = value.GetType(),
                    Serializer = serializer.GetType().FullName,
                };
            }

            inner.Commit();
            WriteByte((byte)ValueTag.Custom);
            WriteUInt32(tag);
            WriteBytes(scratch.WrittenSpan);
        }
        finally
        {
            CustomValueScratch.Return(scratch);
        }

        _depth--;
    }

    private void WriteFallback(IFallbackSerializer fallback, object value)
    {
        var type = value.GetType();
        if (fallback.Refuse(type) is { } why)
        {
            throw new WireEncodingException($"Cannot encode a value of type '{type.FullName}': {why}") { ValueType = type };
        }

        byte[] payload;
        try
        {
            payload = fallback.Serialize(value);
        }
        catch (Exception e) when (e is not WireEncodingException)
        {
            throw new WireEncodingException($"Cannot encode a value of type '{type.FullName}': {e.GetBaseException().Message}", e) { ValueType = type };
        }

        WriteByte((byte)ValueTag.Object);
        WriteString(type.FullName!);
        WriteBytes(payload);
    }

    private void WriteList(IList list)
    {
        Enter(list);
        WriteByte((byte)ValueTag.List);
        WriteVarUInt32((uint)list.Count);
        switch (list)
        {
            // Typed paths keep primitive elements unboxed; the IList indexer would box each one.
            case int[] ints: foreach (var x in ints) { WriteInt32Value(x); } break;
            case long[] longs: foreach (var x in longs) { WriteInt64Value(x); } break;
            case List<int> ints: foreach (var x in ints) { WriteInt32Value(x); } break;
            case List<long> longs: foreach (var x in longs) { WriteInt64Value(x); } break;
            case double[] doubles: foreach (var x in doubles) { WriteDoubleValue(x); } break;
            case List<double> doubles: foreach (var x in doubles) { WriteDoubleValue(x); } break;
            default:
                for (var i = 0; i < list.Count; i++)
                {
                    WriteValue(list[i]);
                }

                break;
        }

        _depth--;
    }

    private void WriteMap(IDictionary map)
    {
        Enter(map);
        WriteByte((byte)ValueTag.Map);
        WriteVarUInt32((uint)map.Count);
        var enumerator = map.GetEnumerator();
        try
        {
            while (enumerator.MoveNext())
            {
                var entry = enumerator.Entry;
                WriteValue(entry.Key);
                WriteValue(entry.Value);
            }
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }

        _depth--;
    }

    private void Enter(object value)
    {
        if (++_depth > WireFormat.MaxDepth)
        {
            throw new WireEncodingException(
                $"Value nesting exceeds {WireFormat.MaxDepth} levels at a '{value.GetType().FullName}' (a cycle?).")
            {
                ValueType = value.GetType(),
            };
        }
    }
}
