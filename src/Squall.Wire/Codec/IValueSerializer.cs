using System.Buffers;

namespace Squall.Wire.Codec;

/// <summary>
/// Encodes one user type (Storm's Kryo registration). Register it in a <see cref="SerializerRegistry"/>
/// on both sides. Implementations must be stateless or thread safe: one instance serves every thread.
/// </summary>
public interface IValueSerializer
{
    /// <summary>The exact type handled (subclasses need their own registration).</summary>
    Type Type { get; }

    /// <summary>Writes <paramref name="value"/> (of <see cref="Type"/>); may nest <c>WriteValue</c> calls.</summary>
    void Write<TBufferWriter>(ref WireWriter<TBufferWriter> writer, object value)
        where TBufferWriter : IBufferWriter<byte>;

    /// <summary>
    /// Reads what <see cref="Write"/> wrote. Use the reader's checked primitives; any exception thrown
    /// here is reported to the caller as a <see cref="WireFormatException"/>.
    /// </summary>
    object Read(ref WireReader reader);
}
