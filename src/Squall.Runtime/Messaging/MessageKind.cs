namespace Squall.Runtime.Messaging;

/// <summary>What an <see cref="Envelope"/> carries; executors dispatch on it with one switch.</summary>
internal enum MessageKind : byte
{
    /// <summary>A data tuple for a bolt.</summary>
    Tuple,

    /// <summary>Spout → acker: a new tree (Root, Value = XOR of its first edges, SourceTask = spout task).</summary>
    AckInit,

    /// <summary>Bolt → acker: XOR Value into the tree of Root.</summary>
    Ack,

    /// <summary>Bolt → acker: fail the tree of Root (Reason says why).</summary>
    Fail,

    /// <summary>Bolt → acker → spout: restart the timeout of the tree of Root.</summary>
    ResetTimeout,

    /// <summary>Acker → spout: the tree of Root completed.</summary>
    TreeCompleted,

    /// <summary>
    /// Acker → spout: the tree of Root failed (Reason says why). Also spout → a task of each other worker, with
    /// Value <see cref="TupleTrees.TreeEnd.Notice"/>: assemble your part of the failed tree.
    /// </summary>
    TreeFailed,
}
