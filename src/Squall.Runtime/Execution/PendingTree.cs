namespace Squall.Runtime.Execution;

/// <summary>A spout tuple tree awaiting its acker's verdict: the user's message id, when it was emitted (0 = not sampled) and on which stream.</summary>
internal readonly record struct PendingTree(object MessageId, long StartTimestamp, int Stream);
