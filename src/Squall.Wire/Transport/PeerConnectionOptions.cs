namespace Squall.Wire.Transport;

/// <summary>Settings of a <see cref="PeerConnection"/>; checked by <see cref="WireOptionsValidator"/>.</summary>
public sealed record PeerConnectionOptions
{
    /// <summary>Host name or address of the receiving worker.</summary>
    public required string Host { get; init; }

    /// <summary>Port of the receiving worker.</summary>
    public required int Port { get; init; }

    /// <summary>Topology id presented in the handshake.</summary>
    public required string TopologyId { get; init; }

    /// <summary>Per-topology secret presented in the handshake.</summary>
    public required ReadOnlyMemory<byte> Secret { get; init; }

    /// <summary>The assignment epoch presented in the handshake; the server refuses another epoch.</summary>
    public long Epoch { get; init; }

    /// <summary>Name of this side (e.g. worker id), shown to the server as <see cref="WirePeer.PeerName"/>.</summary>
    public string PeerName { get; init; } = "";

    /// <summary>Frames queued and not yet written; a full queue makes senders wait.</summary>
    public int SendQueueCapacity { get; init; } = 1024;

    /// <summary>Most frames written before one flush to the socket.</summary>
    public int MaxBatchFrames { get; init; } = 256;

    /// <summary>Largest frame (type byte + payload) this side sends; match the server's limit.</summary>
    public int MaxFrameSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Cap of the reconnect delay.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed for connecting plus the handshake.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Clock for delays and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
