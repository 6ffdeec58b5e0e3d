using System.Net;

namespace Squall.Wire.Transport;

/// <summary>Settings of a <see cref="WireServer"/>; checked by <see cref="WireOptionsValidator"/>.</summary>
public sealed record WireServerOptions
{
    /// <summary>Address to listen on; loopback by default, <see cref="IPAddress.Any"/> for a cluster.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Port to listen on; 0 picks a free one (see <see cref="WireServer.LocalEndPoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>Only peers of this topology are accepted.</summary>
    public required string TopologyId { get; init; }

    /// <summary>Per-topology secret that peers must present.</summary>
    public required ReadOnlyMemory<byte> Secret { get; init; }

    /// <summary>Largest frame accepted (type byte + payload); a peer sending more is disconnected.</summary>
    public int MaxFrameSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>A peer that has not completed the handshake by then is disconnected.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Clock for timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
