namespace Squall.Runtime.Acking;

/// <summary>The result of one acker message for its tree.</summary>
internal enum AckOutcomeKind
{
    /// <summary>The tree is still pending.</summary>
    Pending,

    /// <summary>Every edge was acked: tell the spout to ack.</summary>
    Completed,

    /// <summary>A task failed the tree: tell the spout to fail.</summary>
    Failed,
}
