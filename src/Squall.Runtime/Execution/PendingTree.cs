namespace Squall.Runtime.Execution;

/// <summary>A spout tuple tree awaiting its acker's verdict: the user's message id and when it was emitted.</summary>
internal readonly record struct PendingTree(object MessageId, long StartTimestamp);
