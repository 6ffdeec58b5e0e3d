using System.Buffers;

namespace Squall.Wire.Codec;

/// <summary>Typed convenience base for <see cref="IValueSerializer"/>.</summary>
public abstract class ValueSerializer<T> : IValueSerializer
    where T : notnull
{
    /// <inheritdoc />
    public Type Type => typeof(T);

    /// <summary>Writes <paramref name="value"/>.</summary>
    public abstract void Write<TBufferWriter>(ref WireWriter<TBufferWriter> writer, T value)
        where TBufferWriter : IBufferWriter<byte>;

    /// <summary>Reads a value written by <see cref="Write{TBufferWriter}(ref WireWriter{TBufferWriter}, T)"/>.</summary>
    public abstract T Read(ref WireReader reader);

    void IValueSerializer.Write<TBufferWriter>(ref WireWriter<TBufferWriter> writer, object value) =>
        Write(ref writer, (T)value);

    object IValueSerializer.Read(ref WireReader reader) => Read(ref reader);
}
