namespace Squall.Wire.Codec;

/// <summary>
/// The bytes being decoded are not a valid encoding: truncated, corrupt or from an unknown version; or, as
/// <see cref="UndecodableValueException"/>, one value in them cannot become an object here (a type tag that no
/// serializer is registered for, a serializer that fails). Decoding never fails any other way.
/// </summary>
public class WireFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WireFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WireFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that revealed the problem.</summary>
    public WireFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
