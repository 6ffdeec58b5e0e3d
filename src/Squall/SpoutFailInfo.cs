namespace Squall;

/// <summary>A spout tuple tree failed or timed out (Storm's <c>SpoutFailInfo</c>, with the reason).</summary>
/// <param name="MessageId">The spout's message id.</param>
/// <param name="SpoutTaskId">The spout task.</param>
/// <param name="Reason">Who failed it and why, or that it timed out.</param>
public sealed record SpoutFailInfo(object MessageId, int SpoutTaskId, FailureReason Reason);
