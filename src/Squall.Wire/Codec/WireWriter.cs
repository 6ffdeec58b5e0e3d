using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Squall.Wire.Codec;

/// <summary>
/// Writes the wire encoding into an <see cref="IBufferWriter{T}"/>: low-level primitives for headers
/// (stream id, task, ack ids) and <see cref="WriteValue"/> for tuple values.
/// </summary>
/// <remarks>
/// Bytes go into the span last obtained from the output and are handed over with
/// <see cref="IBufferWriter{T}.Advance"/> only when that span is full or on <see cref="Commit"/>, so
/// call <see cref="Commit"/> before using the output. Generic over the writer type so calls through a
/// struct or sealed writer are not interface dispatched. A struct <typeparamref name="TBufferWriter"/>
/// is copied in: use the writer, not the original, until committed.
/// </remarks>
public ref partial struct WireWriter<TBufferWriter>
    where TBufferWriter : IBufferWriter<byte>
{
    // Lone surrogates would be replaced silently by the default encoder: a wrong value on the far side.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Not readonly: Advance and GetSpan on a struct writer must act on this copy, not a defensive one.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0044", Justification = "A struct writer is mutated by its own calls.")]
    private TBufferWriter _output;
    private Span<byte> _span;
    private int _buffered;
    private int _depth;
    private readonly SerializerRegistry? _registry;

    /// <summary>Creates a writer; user types are encoded through <paramref name="registry"/>.</summary>
    public WireWriter(TBufferWriter output, SerializerRegistry? registry = null)
        : this(output, registry, depth: 0)
    {
    }

    /// <summary>A writer for a value nested <paramref name="depth"/> levels deep (a user type's own bytes).</summary>
    internal WireWriter(TBufferWriter output, SerializerRegistry? registry, int depth)
    {
        _output = output;
        _registry = registry;
        _span = default;
        _buffered = 0;
        _depth = depth;
    }

    /// <summary>Bytes written since the last <see cref="Commit"/>.</summary>
    public readonly int Uncommitted => _buffered;

    /// <summary>Hands the buffered bytes to the output (calls <c>Advance</c>).</summary>
    public void Commit()
    {
        if (_buffered > 0)
        {
            _output.Advance(_buffered);
        }

        _span = default;
        _buffered = 0;
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value)
    {
        Reserve(1)[0] = value;
        _buffered += 1;
    }

    /// <summary>Writes 2 bytes little endian.</summary>
    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);
        _buffered += 2;
    }

    /// <summary>Writes 4 bytes little endian.</summary>
    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
        _buffered += 4;
    }

    /// <summary>Writes 4 bytes little endian.</summary>
    public void WriteInt32(int value) => WriteUInt32((uint)value);

    /// <summary>Writes 8 bytes little endian (ack ids and other random 64-bit values: varints would grow them).</summary>
    public void WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
        _buffered += 8;
    }

    /// <summary>Writes 8 bytes little endian.</summary>
    public void WriteInt64(long value) => WriteUInt64((ulong)value);

    /// <summary>Writes the IEEE bits, so every NaN payload and -0 survive.</summary>
    public void WriteDouble(double value) => WriteUInt64(BitConverter.DoubleToUInt64Bits(value));

    /// <summary>Writes the IEEE bits, so every NaN payload and -0 survive.</summary>
    public void WriteSingle(float value) => WriteUInt32(BitConverter.SingleToUInt32Bits(value));

    /// <summary>Writes 1 to 10 bytes, 7 bits each, low bits first.</summary>
    public void WriteVarUInt64(ulong value)
    {
        var span = Reserve(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffered += i;
    }

    /// <summary>Writes a varint.</summary>
    public void WriteVarUInt32(uint value) => WriteVarUInt64(value);

    /// <summary>Writes a zigzag varint, so small negative numbers stay short.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes a zigzag varint.</summary>
    public void WriteVarInt32(int value) => WriteVarInt64(value);

    /// <summary>Writes raw bytes, without a length.</summary>
    public void WriteRaw(scoped ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= _span.Length - _buffered)
        {
            bytes.CopyTo(_span[_buffered..]);
            _buffered += bytes.Length;
            return;
        }

        WriteRawMultiSpan(bytes);
    }

    /// <summary>Writes a varint length then the bytes.</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        WriteVarUInt32((uint)bytes.Length);
        WriteRaw(bytes);
    }

    /// <summary>Writes a varint UTF-8 byte count then the UTF-8 bytes.</summary>
    /// <exception cref="WireEncodingException">The string holds a lone surrogate.</exception>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException ex)
        {
            throw new WireEncodingException("String holds an unpaired surrogate and cannot be encoded as UTF-8.", ex)
            {
                ValueType = typeof(string),
            };
        }

        WriteVarUInt32((uint)byteCount);
        var written = StrictUtf8.GetBytes(value, Reserve(byteCount));
        _buffered += written;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if (_span.Length - _buffered >= count)
        {
            return _span[_buffered..];
        }

        return ReserveSlow(count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Span<byte> ReserveSlow(int count)
    {
        Commit();
        _span = _output.GetSpan(count);
        if (_span.Length < count)
        {
            throw new InvalidOperationException($"Buffer writer returned {_span.Length} bytes when {count} were requested.");
        }

        return _span;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteRawMultiSpan(scoped ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            if (_span.Length == _buffered)
            {
                Commit();
                _span = _output.GetSpan();
            }

            var chunk = Math.Min(bytes.Length, _span.Length - _buffered);
            bytes[..chunk].CopyTo(_span[_buffered..]);
            _buffered += chunk;
            bytes = bytes[chunk..];
        }
    }
}
