namespace Squall.Wire.Transport;

/// <summary>
/// A frame to send. The payload must stay unchanged until the frame is delivered or returned (see
/// <see cref="PeerConnection.FrameDelivered"/> and <see cref="PeerConnection.FramesReturned"/>), which is
/// when a pooled buffer can be reused. <see cref="State"/> is the engine's own token (e.g. the batch's
/// ack ids), handed back untouched.
/// </summary>
/// <param name="Type">Frame type, at least <see cref="FrameType.FirstApplication"/>.</param>
/// <param name="Payload">Frame body.</param>
/// <param name="State">Caller's token, never read by the transport.</param>
public readonly record struct OutboundFrame(byte Type, ReadOnlyMemory<byte> Payload, object? State = null);
