namespace Squall.Wire.Codec;

/// <summary>
/// Encodes user types that have no registered <see cref="IValueSerializer"/> (Storm's fallback to Java
/// serialization). The wire carries the type's full name and the payload; set it on the
/// <see cref="SerializerRegistry"/> of both sides.
/// </summary>
public interface IFallbackSerializer
{
    /// <summary>Why <paramref name="type"/> cannot be handled (a delegate, a stream, ...), or null when it can.</summary>
    string? Refuse(Type type);

    /// <summary>The payload for <paramref name="value"/>; throws when the value cannot be encoded.</summary>
    byte[] Serialize(object value);

    /// <summary>The type named <paramref name="fullName"/> on this side, or null when it is unknown or not allowed.</summary>
    Type? ResolveType(string fullName);

    /// <summary>Reads what <see cref="Serialize"/> wrote for a value of <paramref name="type"/>.</summary>
    object Deserialize(ReadOnlyMemory<byte> payload, Type type);
}
