using Squall.Runtime.Execution;

namespace Squall.Runtime.TupleTrees;

/// <summary>
/// A worker's failed tuple trees: its tasks' flight recorders, the failures its spouts reported, and the last
/// <see cref="FailedTree.Kept"/> trees assembled from them. A spout reports a failure by copying a struct into a fixed
/// ring (no allocation on its thread, however many trees fail); the assembly — scanning every recorder — runs
/// on the worker's timer every <see cref="AssembleEvery"/>, soon enough that busy recorders have rarely gone
/// round, and at the latest when the trees are read.
/// </summary>
internal sealed class FailedTreeLog
{
    private const int Capacity = FailedTree.Kept;

    /// <summary>
    /// How often pending failures are assembled: a ring of 1,024 edges lasts ~100 ms at 10k acked tuples/s per
    /// task, and a 20 Hz timer costs nothing measurable (at 1 kHz a thread-pool timer did: see FlushTicker).
    /// </summary>
    public static readonly TimeSpan AssembleEvery = TimeSpan.FromMilliseconds(50);

    private readonly Lock _lock = new();
    private readonly Lock _assembly = new();
    private readonly WorkerContext _worker;
    private readonly Dictionary<int, TreeRecorder> _recorders = [];
    private readonly TreeEnd[] _pending = new TreeEnd[Capacity];
    private readonly Queue<FailedTree> _trees = new(Capacity);
    private int _pendingCount;
    private int _pendingNext;

    public FailedTreeLog(WorkerContext worker) => _worker = worker;

    /// <summary><c>topology.tuple.tree.recorder.size</c>: records per task; 0 (or acking off) records nothing.</summary>
    public int RecorderSize => _worker.Options.AckingEnabled ? _worker.Options.TreeRecorderSize : 0;

    /// <summary>A recorder for <paramref name="task"/> (a task recreated by a rebalance replaces its old one); null when recording is off.</summary>
    public TreeRecorder? RecorderFor(int task)
    {
        if (RecorderSize == 0)
        {
            return null;
        }

        var recorder = new TreeRecorder(_worker, task, RecorderSize);
        lock (_lock)
        {
            _recorders[task] = recorder;
        }

        return recorder;
    }

    /// <summary>A spout task's tree failed or timed out (its thread; or another worker said so). Keeps the last <see cref="FailedTree.Kept"/> until assembled.</summary>
    public void Ended(in TreeEnd end)
    {
        if (RecorderSize == 0)
        {
            return;
        }

        lock (_lock)
        {
            _pending[_pendingNext] = end;
            _pendingNext = (_pendingNext + 1) % Capacity;
            _pendingCount = Math.Min(_pendingCount + 1, Capacity);
        }
    }

    /// <summary>Assembles the pending failures (the worker's timer); a lock-free check when there are none.</summary>
    public void AssemblePending()
    {
        if (Volatile.Read(ref _pendingCount) != 0)
        {
            Assemble();
        }
    }

    /// <summary>The kept trees, oldest first (any pending ones assembled first).</summary>
    public List<FailedTree> Recent()
    {
        Assemble();
        lock (_lock)
        {
            return [.. _trees];
        }
    }

    /// <summary>
    /// Takes the pending failures and assembles them outside <see cref="_lock"/>, which a spout reporting a
    /// failure needs only for a moment; <see cref="_assembly"/> orders assemblies, so a reader sees every tree
    /// reported before it asked.
    /// </summary>
    private void Assemble()
    {
        lock (_assembly)
        {
            TreeEnd[] ends;
            TreeRecorder[] recorders;
            lock (_lock)
            {
                ends = new TreeEnd[_pendingCount];
                for (var i = 0; i < ends.Length; i++)
                {
                    ends[i] = _pending[(_pendingNext - _pendingCount + i + Capacity) % Capacity];
                }

                _pendingCount = 0;
                recorders = [.. _recorders.Values];
            }

            if (ends.Length == 0)
            {
                return;
            }

            var trees = AssembleAll(ends, recorders);
            lock (_lock)
            {
                foreach (var tree in trees)
                {
                    _trees.Enqueue(tree);
                    if (_trees.Count > Capacity)
                    {
                        _trees.Dequeue();
                    }
                }
            }
        }
    }

    private List<FailedTree> AssembleAll(TreeEnd[] ends, TreeRecorder[] recorders)
    {
        var roots = new HashSet<long>();
        foreach (var end in ends)
        {
            roots.Add(end.Root);
        }

        var snapshots = new List<TreeRecorderSnapshot>(recorders.Length);
        var tasks = new HashSet<int>();
        foreach (var recorder in recorders)
        {
            snapshots.Add(recorder.Snapshot(roots));
            tasks.Add(recorder.Task);
        }

        var names = new TaskNames(_worker.Layout, AllLocal: _worker.Layout.Topology.Components.All(c => c.TaskIds.All(tasks.Contains)));
        var now = _worker.Time.GetUtcNow();
        var nowTicks = _worker.Time.GetTimestamp();
        var trees = new List<FailedTree>(ends.Length);
        foreach (var end in ends)
        {
            trees.Add(TreeAssembler.Assemble(end, now - _worker.Time.GetElapsedTime(end.Timestamp, nowTicks), snapshots, names));
        }

        return trees;
    }
}
