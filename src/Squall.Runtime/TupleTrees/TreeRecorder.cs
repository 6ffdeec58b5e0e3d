using System.Numerics;
using System.Runtime.CompilerServices;
using Squall.Runtime.Execution;

namespace Squall.Runtime.TupleTrees;

/// <summary>
/// A task's flight recorder of acked tuple trees: the last <c>topology.tuple.tree.recorder.size</c> edges it
/// emitted, acked or failed, so that when a tree fails its edges can be put together though nobody was sampling.
/// </summary>
/// <remarks>
/// <para>
/// <b>Why a ring per task.</b> Failures are rare and unpredictable, so the edges must be written before anyone
/// knows they matter, on the hot path of every acked tuple. A fixed ring of blittable <see cref="TreeRecord"/>s
/// owned by the task's executor thread makes that a 48-byte store and a counter bump: no allocation, no lock,
/// no shared cache line (a per-worker ring would need an interlocked index every emit). Overwriting the oldest
/// entry is the price; the assembler notices and says the tree is partial rather than guessing.
/// </para>
/// <para>
/// <b>Reading from another thread.</b> One writer, any number of readers, no lock — the sequence-lock idea
/// applied to a ring:
/// <code>
///   writer:  ring[n &amp; mask] = record;  Volatile.Write(written, n + 1)
///   reader:  end = Volatile.Read(written); copy [end - cap, end); barrier; after = Volatile.Read(written)
///            keep only [max(end - cap, after - cap + 1), end)
/// </code>
/// While the reader copies, the writer may overwrite slots; the slot it writes for record <c>after</c> held
/// <c>after - cap</c>, and every earlier overwrite hit a record older than that, so whatever the copy holds from
/// <c>after - cap + 1</c> on was complete before it was read. A torn entry is thus always among the dropped ones.
/// </para>
/// </remarks>
internal sealed class TreeRecorder
{
    private readonly TreeRecord[] _ring;
    private readonly int _mask;
    private readonly WorkerContext _worker;
    private long _written;

    public TreeRecorder(WorkerContext worker, int task, int capacity)
    {
        _worker = worker;
        Task = task;
        _ring = new TreeRecord[BitOperations.RoundUpToPowerOf2((uint)capacity)];
        _mask = _ring.Length - 1;
    }

    public int Task { get; }

    /// <summary>An edge this task emitted to <paramref name="target"/> (its parent: the anchor's edge, 0 for a spout).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Emitted(long root, long edge, long parent, int stream, int target) =>
        Add(new TreeRecord(root, edge, parent, _worker.FlushEpoch, stream, Task, target, TreeRecordKind.Emitted));

    /// <summary>This task's verdict on an input edge from <paramref name="source"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Settled(long root, long edge, int stream, int source, bool failed) =>
        Add(new TreeRecord(root, edge, 0, _worker.FlushEpoch, stream, source, Task, failed ? TreeRecordKind.Failed : TreeRecordKind.Acked));

    /// <summary>A bolt's anchored emit to <paramref name="target"/>: the new tuple's edge in each of its trees, under the anchor in that tree.</summary>
    public void Emitted(Tuple tuple, ReadOnlySpan<Tuple> anchors, int stream, int target)
    {
        Emitted(tuple.RootId, tuple.EdgeId, ParentIn(anchors, tuple.RootId), stream, target);
        if (tuple.ExtraAnchors is { } extra)
        {
            for (var i = 0; i < extra.Length; i += 2)
            {
                Emitted(extra[i], extra[i + 1], ParentIn(anchors, extra[i]), stream, target);
            }
        }
    }

    /// <summary>A bolt's ack or fail of <paramref name="input"/>, in each of its trees.</summary>
    public void Settled(Tuple input, bool failed)
    {
        Settled(input.RootId, input.EdgeId, input.Source.Index, input.SourceTask, failed);
        if (input.ExtraAnchors is { } extra)
        {
            for (var i = 0; i < extra.Length; i += 2)
            {
                Settled(extra[i], extra[i + 1], input.Source.Index, input.SourceTask, failed);
            }
        }
    }

    /// <summary>
    /// The retained records of the trees in <paramref name="roots"/>, oldest first, read consistently while the
    /// task keeps writing (any thread). Only matching records are copied: a scan reads the ring in place.
    /// </summary>
    public TreeRecorderSnapshot Snapshot(IReadOnlySet<long> roots)
    {
        var end = Volatile.Read(ref _written);
        var start = Math.Max(0, end - _ring.Length);
        var found = new List<(long Seq, TreeRecord Record)>();
        for (var seq = start; seq < end; seq++)
        {
            var record = _ring[(int)seq & _mask];
            if (roots.Contains(record.Root))
            {
                found.Add((seq, record));
            }
        }

        var oldest = _ring[(int)start & _mask];
        Interlocked.MemoryBarrier();
        var after = Volatile.Read(ref _written);
        var first = Math.Min(end, Math.Max(start, after - _ring.Length + 1));
        var records = new List<TreeRecord>(found.Count);
        foreach (var (seq, record) in found)
        {
            if (seq >= first)
            {
                records.Add(record);
            }
        }

        // The oldest retained record, when it is still intact, bounds what may have been lost before it.
        var lost = first > 0;
        var cutRoot = lost && first == start && end > start ? oldest.Root : 0;
        var lostThrough = lost && first == start && end > start ? oldest.Epoch : long.MaxValue;
        return new TreeRecorderSnapshot(Task, records, lost, lostThrough, cutRoot);
    }

    /// <summary>The edge of the first anchor in tree <paramref name="root"/> (a tuple anchored twice in one tree shows under the first).</summary>
    private static long ParentIn(ReadOnlySpan<Tuple> anchors, long root)
    {
        foreach (var anchor in anchors)
        {
            if (anchor.RootId == root)
            {
                return anchor.EdgeId;
            }

            if (anchor.ExtraAnchors is { } extra)
            {
                for (var i = 0; i < extra.Length; i += 2)
                {
                    if (extra[i] == root)
                    {
                        return extra[i + 1];
                    }
                }
            }
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(in TreeRecord record)
    {
        var n = _written;
        _ring[(int)n & _mask] = record;
        Volatile.Write(ref _written, n + 1);
    }
}
