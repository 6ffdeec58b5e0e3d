namespace Squall.Runtime.TupleTrees;

/// <summary>What one task's <see cref="TreeRecorder"/> held of some trees, read consistently.</summary>
/// <param name="Task">The task that wrote it.</param>
/// <param name="Records">The retained records of the trees asked for, oldest first.</param>
/// <param name="Lost">Whether older records were overwritten (the ring went round).</param>
/// <param name="LostThrough">When records were lost: the epoch of the oldest retained one; records up to that epoch may be gone. <c>long.MaxValue</c> when unknown.</param>
/// <param name="CutRoot">When records were lost: the tree of the oldest retained record, whose earlier records may have gone with them (0: none).</param>
internal sealed record TreeRecorderSnapshot(int Task, List<TreeRecord> Records, bool Lost, long LostThrough, long CutRoot);
