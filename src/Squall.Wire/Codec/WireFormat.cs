namespace Squall.Wire.Codec;

/// <summary>Constants of the value encoding that both ends must agree on.</summary>
public static class WireFormat
{
    /// <summary>
    /// Version of the value encoding. Values carry no per-value version byte (it would cost a byte per
    /// tuple field); the connection handshake carries it once, see the transport protocol version.
    /// </summary>
    public const int Version = 2;

    /// <summary>
    /// Deepest nesting of lists, maps and custom values accepted on encode and decode. Bounds the
    /// stack used by a corrupt buffer and turns a cyclic graph into an error instead of a stack overflow.
    /// </summary>
    public const int MaxDepth = 64;
}
