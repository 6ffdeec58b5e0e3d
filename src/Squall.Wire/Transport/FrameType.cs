namespace Squall.Wire.Transport;

/// <summary>
/// Frame types. Values below <see cref="FirstApplication"/> are the transport's own control frames;
/// the engine picks any type from <see cref="FirstApplication"/> up for what it sends (tuple batches, ...).
/// </summary>
public static class FrameType
{
    /// <summary>Client → server, first frame: magic, protocol version, topology id, secret, peer name.</summary>
    internal const byte Hello = 1;

    /// <summary>Server → client: handshake accepted; protocol version and the initial hold state.</summary>
    internal const byte Welcome = 2;

    /// <summary>Either way, last frame before closing: a UTF-8 reason.</summary>
    internal const byte Refuse = 3;

    /// <summary>Server → client: cumulative count of application frames handed to the handler.</summary>
    internal const byte Ack = 4;

    /// <summary>Server → client: the receiver is overloaded; stop producing (spouts) until Resume.</summary>
    internal const byte Hold = 5;

    /// <summary>Server → client: the receiver has room again.</summary>
    internal const byte Resume = 6;

    /// <summary>The smallest type an application frame may use.</summary>
    public const byte FirstApplication = 16;
}
