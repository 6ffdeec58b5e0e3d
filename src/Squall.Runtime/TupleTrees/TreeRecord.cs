namespace Squall.Runtime.TupleTrees;

/// <summary>
/// One entry of a task's <see cref="TreeRecorder"/>: an edge of an acked tuple tree emitted, acked or failed.
/// Blittable on purpose — the ring is written once per edge on the acked hot path, so an entry must be a plain
/// copy with no reference for the GC to track.
/// </summary>
/// <param name="Root">The tree's root id.</param>
/// <param name="Edge">The edge id: the tuple's id within <paramref name="Root"/>, as the acker XORs it.</param>
/// <param name="Parent">Emitted by a bolt: the edge id of the input it was anchored to (0 for a spout's root edges and for verdicts).</param>
/// <param name="Epoch">The worker's flush epoch when written: a coarse clock, read for free, that orders records of different tasks.</param>
/// <param name="Stream">The stream index within the emitting component.</param>
/// <param name="SourceTask">The task that emitted the edge.</param>
/// <param name="TargetTask">The task the edge went to (which acks or fails it).</param>
/// <param name="Kind">Emitted, acked or failed.</param>
internal readonly record struct TreeRecord(long Root, long Edge, long Parent, long Epoch, int Stream, int SourceTask, int TargetTask, TreeRecordKind Kind);
