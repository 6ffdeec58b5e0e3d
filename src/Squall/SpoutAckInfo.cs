namespace Squall;

/// <summary>A spout tuple tree completed (Storm's <c>SpoutAckInfo</c>).</summary>
/// <param name="MessageId">The spout's message id.</param>
/// <param name="SpoutTaskId">The spout task.</param>
/// <param name="CompleteLatency">Emit to completion, when measured (one tree in eight is), else null.</param>
public sealed record SpoutAckInfo(object MessageId, int SpoutTaskId, TimeSpan? CompleteLatency);
