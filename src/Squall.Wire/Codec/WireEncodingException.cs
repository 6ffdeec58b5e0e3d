namespace Squall.Wire.Codec;

/// <summary>
/// A value cannot be encoded: its .NET type has no built-in encoding and no registered serializer,
/// or it cannot be represented faithfully (a string with a lone surrogate, a cycle). The message names
/// the .NET type so the engine can add which component emitted it.
/// </summary>
public sealed class WireEncodingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WireEncodingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WireEncodingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    public WireEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The .NET type that could not be encoded, when one is to blame.</summary>
    public Type? ValueType { get; init; }

    /// <summary>The registered serializer that failed to write the value, when one did.</summary>
    public string? Serializer { get; init; }
}
