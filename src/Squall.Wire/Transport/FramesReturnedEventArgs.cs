namespace Squall.Wire.Transport;

/// <summary>
/// Frames a <see cref="PeerConnection"/> gives back: the connection was lost (or disposed) before the
/// receiver acknowledged them, so they may or may not have been processed; the engine fails them.
/// </summary>
public sealed class FramesReturnedEventArgs(IReadOnlyList<OutboundFrame> frames, Exception reason) : EventArgs
{
    /// <summary>The frames, in the order they were sent.</summary>
    public IReadOnlyList<OutboundFrame> Frames { get; } = frames;

    /// <summary>Why the connection ended.</summary>
    public Exception Reason { get; } = reason;
}
