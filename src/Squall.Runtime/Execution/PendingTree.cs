namespace Squall.Runtime.Execution;

/// <summary>
/// A spout tuple tree awaiting its acker's verdict: the user's message id, when it was emitted (0 = not sampled
/// for latency), on which stream, and whether debug sampling logged its emit (then its end is logged too).
/// </summary>
internal readonly record struct PendingTree(object MessageId, long StartTimestamp, int Stream, bool Sampled = false);
