namespace Squall.Runtime.TupleTrees;

/// <summary>
/// A failed tree as its spout task learned of it, waiting to be assembled. A struct of references the spout
/// already holds, so reporting a failure allocates nothing; the text is made when the tree is assembled.
/// </summary>
/// <param name="Root">The tree's root id.</param>
/// <param name="Timestamp">When (the worker clock's timestamp).</param>
/// <param name="Spout">The spout component.</param>
/// <param name="SpoutTask">The spout task.</param>
/// <param name="MessageId">The spout's message id; null in another worker, which assembles only its part (a fragment).</param>
/// <param name="Reason">The acker's verdict: which task failed it, or the timeout.</param>
internal readonly record struct TreeEnd(long Root, long Timestamp, string Spout, int SpoutTask, object? MessageId, FailureReason Reason)
{
    /// <summary>The envelope value that marks a <c>TreeFailed</c> as a notice between workers, not an acker's verdict (whose value is 0).</summary>
    public const long Notice = 1;
}
