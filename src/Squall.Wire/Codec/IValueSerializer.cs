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

    /// <summary>
    /// Writes <paramref name="value"/> (of <see cref="Type"/>); may nest <c>WriteValue</c> calls. An exception
    /// thrown here, even half way, is reported as a <see cref="WireEncodingException"/> and leaves nothing written.
    /// </summary>
    void Write<TBufferWriter>(ref WireWriter<TBufferWriter> writer, object value)
        where TBufferWriter : IBufferWriter<byte>;

    /// <summary>
    /// Reads what <see cref="Write"/> wrote, all of it and no more: the reader holds exactly those bytes. Any
    /// exception thrown here, or bytes left unread, is reported as an <see cref="UndecodableValueException"/>,
    /// which costs the value (the engine drops its tuple) and never the rest of the input.
    /// </summary>
    object Read(ref WireReader reader);
}
