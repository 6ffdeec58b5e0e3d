namespace Squall.Wire.Codec;

/// <summary>
/// A value was read whole but cannot become an object here: a fallback-serialized value whose type is unknown
/// on this side or may not be deserialized, or on which the fallback serializer failed; or a user type with no
/// serializer registered here, or whose registered serializer threw or read other than the bytes written. Unlike other
/// <see cref="WireFormatException"/>s the bytes are intact and the reader stands after the value (and after
/// any list or map holding it), so a caller that can drop what contains it may read on.
/// </summary>
public sealed class UndecodableValueException : WireFormatException
{
    /// <summary>Creates the exception.</summary>
    public UndecodableValueException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UndecodableValueException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that revealed the problem.</summary>
    public UndecodableValueException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The type's full name as the sender wrote it.</summary>
    public string TypeName { get; init; } = "";

    /// <summary>The registered serializer that failed to read the value, when one did.</summary>
    public string? Serializer { get; init; }
}
