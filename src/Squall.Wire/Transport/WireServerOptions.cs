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

    /// <summary>
    /// The assignment epoch a peer of this name (its <see cref="PeerConnectionOptions.PeerName"/>) must present; others are
    /// refused. Epochs are per worker: a worker restarted elsewhere gets a new one, so its old process cannot connect,
    /// while workers that did not move keep theirs. Asked at every handshake, so it may follow a changing assignment.
    /// </summary>
    public Func<string, long> EpochOf { get; init; } = _ => 0;

    /// <summary>
    /// Called when a connection is refused before it authenticated (wrong secret, wrong epoch, not a Squall
    /// peer): at most once per remote address, so a scanner or a stale worker cannot flood the log.
    /// </summary>
    public Action<string>? OnRefused { get; init; }

    /// <summary>Largest frame accepted (type byte + payload); a peer sending more is disconnected.</summary>
    public int MaxFrameSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>A peer that has not completed the handshake by then is disconnected.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Clock for timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
