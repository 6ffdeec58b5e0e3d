namespace Squall.Runtime.TupleTrees;

/// <summary>What a <see cref="TreeRecord"/> saw happen to an edge of a tuple tree.</summary>
internal enum TreeRecordKind : byte
{
    /// <summary>A task emitted the edge (a spout's root edge, or a bolt's anchored emit).</summary>
    Emitted,

    /// <summary>The receiving task acked it.</summary>
    Acked,

    /// <summary>The receiving task failed it.</summary>
    Failed,
}
