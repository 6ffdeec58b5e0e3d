namespace Squall.Wire.Transport;

/// <summary>Receives what a <see cref="WireServer"/> reads. Called on the connection's read loop.</summary>
public interface IFrameHandler
{
    /// <summary>
    /// One application frame from an authenticated peer, in arrival order per peer. The payload is
    /// valid only during the call. Return quickly: the connection reads nothing else meanwhile; to push
    /// back, call <see cref="WirePeer.SetHold"/> or <see cref="WireServer.SetHoldAll"/> instead of blocking.
    /// Throwing closes the connection; the sender gets its unacknowledged frames back.
    /// </summary>
    void OnFrame(WirePeer peer, byte frameType, ReadOnlySpan<byte> payload);

    /// <summary>A peer was authenticated.</summary>
    void OnPeerConnected(WirePeer peer)
    {
    }

    /// <summary>
    /// A connection ended, authenticated or not: <paramref name="error"/> is null after a clean close,
    /// a <see cref="WireProtocolException"/> when the peer was refused or broke the protocol.
    /// </summary>
    void OnPeerClosed(WirePeer peer, Exception? error)
    {
    }
}
