namespace Squall.Wire.Transport;

/// <summary>
/// A connection broke the transport protocol (bad handshake, garbage, an oversized frame) or was
/// refused by the other side; <see cref="RefusedByPeer"/> tells which. The connection is closed.
/// </summary>
public sealed class WireProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WireProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WireProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public WireProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the other side closed the connection with this reason (a Refuse frame).</summary>
    public bool RefusedByPeer { get; init; }
}
