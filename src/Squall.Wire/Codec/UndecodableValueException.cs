namespace Squall.Wire.Codec;

/// <summary>
/// A value sent through the fallback serializer was read whole but cannot become an object here: its type is
/// unknown on this side or may not be deserialized, or the fallback serializer failed on it. Unlike other
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
    public UndecodableValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The type's full name as the sender wrote it.</summary>
    public string TypeName { get; init; } = "";
}
