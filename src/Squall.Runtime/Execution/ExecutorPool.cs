using System.Collections.Concurrent;
using System.Diagnostics;

namespace Squall.Runtime.Execution;

/// <summary>
/// The threads of one worker that run its bolt and acker executors: by default one per core
/// (<c>topology.worker.executor.threads</c>), however many executors there are.
/// </summary>
/// <remarks>
/// <para>
/// Executors are <em>activated</em> when they have work (Timely Dataflow's activations): an arrival queues an
/// idle executor once on the run queue, and a pool thread takes it and runs one slice — its mailbox, then
/// inbox batches until <see cref="Quantum"/> has passed (or 16 batches), then control messages, then one flush.
/// With more work left it goes to the back of the queue, so executors share threads fairly and a busy one
/// never starves the rest. An idle executor costs nothing: it is on no queue and no thread waits for it.
/// </para>
/// <para>
/// Idle pool threads spin briefly, then yield for up to 200 µs (a steady flow never pays a futex wake per
/// batch), then park until an activation. No pool thread ever waits for room downstream: an executor whose
/// outbox overflows ends its slice and is activated again when the full inbox frees space (or by the
/// monitor's retry), so backpressure cannot deadlock the pool, cycles included.
/// </para>
/// <para>
/// Blocking user code (a bolt that calls a database, a shell bolt waiting for its subprocess) would take a
/// pool thread away from everyone else. The monitor, every 10 ms, treats a thread whose slice has lasted over
/// <see cref="BlockedAfter"/> while it waits in the kernel (or over <see cref="HoggingAfter"/> at all) as
/// blocked and starts a replacement, so at least the configured number of threads keeps running executors; a
/// blocked thread that comes back while enough others run retires. This is the .NET thread pool's starvation
/// compensation, made fast because a slice is bounded: only user code that blocks ever runs that long. A
/// thread that is merely preempted on a loaded machine, or paused by a garbage collection, is not replaced:
/// under load, replacing those spawned dozens of threads that then fought for the same two cores.
/// </para>
/// </remarks>
[DebuggerDisplay("ExecutorPool threads = {_threads.Count}, queued = {_runQueue.Count}")]
internal sealed class ExecutorPool : IDisposable
{
    /// <summary>How long a slice runs inbox batches before it ends (checked every 64 tuples).</summary>
    public static readonly TimeSpan Quantum = TimeSpan.FromMilliseconds(1);

    /// <summary>A slice running longer than this is user code that blocks; its thread is replaced.</summary>
    public static readonly TimeSpan BlockedAfter = TimeSpan.FromMilliseconds(20);

    /// <summary>A slice still computing after this holds its thread too long for the rest; its thread is replaced too.</summary>
    public static readonly TimeSpan HoggingAfter = TimeSpan.FromMilliseconds(500);

    private const int SpinRounds = 8;
    private static readonly TimeSpan MonitorPeriod = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan YieldWindow = TimeSpan.FromMicroseconds(200);
    private static readonly TimeSpan ParkTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly long QuantumTicks = (long)(Quantum.TotalSeconds * Stopwatch.Frequency);
    private static readonly long BlockedAfterTicks = (long)(BlockedAfter.TotalSeconds * Stopwatch.Frequency);
    private static readonly long HoggingAfterTicks = (long)(HoggingAfter.TotalSeconds * Stopwatch.Frequency);

    private readonly ConcurrentQueue<Executor> _runQueue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly List<PoolThread> _threads = [];
    private readonly string _name;
    private readonly int _size;
    private readonly int _maxThreads;
    private readonly PeriodicThread _monitor;
    private Executor[] _executors = [];
    private TimeSpan _gcPause;
    private int _parked;
    private int _spawned;
    private volatile bool _stopping;

    public ExecutorPool(string name, int size, int maxThreads)
    {
        _name = name;
        _size = size;
        _maxThreads = Math.Max(size, maxThreads);
        lock (_threads)
        {
            for (var i = 0; i < size; i++)
            {
                Spawn();
            }
        }

        _monitor = new PeriodicThread($"{name}:pool-monitor", MonitorPeriod, Monitor);
    }

    /// <summary>The pool threads now alive (at least the configured size; more while some are blocked).</summary>
    public int ThreadCount
    {
        get
        {
            lock (_threads)
            {
                return _threads.Count;
            }
        }
    }

    /// <summary>The executors the monitor retries while their outboxes overflow; replaced on rebalance.</summary>
    public void Watch(IEnumerable<Executor> executors) => Volatile.Write(ref _executors, [.. executors]);

    public void Enqueue(Executor executor)
    {
        _runQueue.Enqueue(executor);
        // Pairs with the park below: either the parking thread sees the executor, or we see it parked.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _parked) > 0)
        {
            _signal.Release();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _monitor.Dispose();
        PoolThread[] threads;
        lock (_threads)
        {
            threads = [.. _threads];
        }

        _signal.Release(threads.Length);
        foreach (var thread in threads)
        {
            thread.Thread.Join();
        }
    }

    private void Spawn()
    {
        var thread = new PoolThread();
        thread.Thread = new Thread(() => Run(thread)) { IsBackground = true, Name = $"{_name}:pool-{_spawned++}" };
        _threads.Add(thread);
        thread.Thread.Start();
    }

    private void Run(PoolThread me)
    {
        me.State = OsThreadState.OfCurrentThread();
        var idleRounds = 0;
        long idleSince = 0;
        while (!_stopping)
        {
            if (_runQueue.TryDequeue(out var executor))
            {
                idleRounds = 0;
                var start = Stopwatch.GetTimestamp();
                Volatile.Write(ref me.SliceStart, start);
                var again = executor.RunSlice(start + QuantumTicks);
                Volatile.Write(ref me.SliceStart, 0);
                if (again)
                {
                    Enqueue(executor);
                }

                if (me.Blocked && Retire(me))
                {
                    return;
                }

                continue;
            }

            if (++idleRounds == 1)
            {
                idleSince = Stopwatch.GetTimestamp();
            }

            if (idleRounds <= SpinRounds)
            {
                Thread.SpinWait(20);
            }
            else if (Stopwatch.GetElapsedTime(idleSince) < YieldWindow)
            {
                Thread.Yield();
            }
            else
            {
                Interlocked.Increment(ref _parked);
                if (_runQueue.IsEmpty && !_stopping)
                {
                    _signal.Wait(ParkTimeout);
                }

                Interlocked.Decrement(ref _parked);
            }
        }
    }

    /// <summary>A thread back from a blocked slice leaves if enough others run; true when it must exit.</summary>
    private bool Retire(PoolThread me)
    {
        lock (_threads)
        {
            me.Blocked = false;
            var running = _threads.Count(t => !t.Blocked);
            if (running <= _size)
            {
                return false;
            }

            _threads.Remove(me);
            return true;
        }
    }

    private void Monitor()
    {
        if (_stopping)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        // A garbage collection since the last look stopped every thread: none of them is blocked by its user
        // code for that, and one that really is will still be blocked at the next look.
        var gcPause = GC.GetTotalPauseDuration();
        var collected = gcPause != _gcPause;
        _gcPause = gcPause;
        lock (_threads)
        {
            var running = 0;
            foreach (var thread in _threads)
            {
                var start = Volatile.Read(ref thread.SliceStart);
                if (!collected && !thread.Blocked && start != 0 && IsBlocked(thread, now - start))
                {
                    thread.Blocked = true;
                }

                running += thread.Blocked ? 0 : 1;
            }

            for (; running < _size && _threads.Count < _maxThreads; running++)
            {
                Spawn();
            }
        }

        foreach (var executor in Volatile.Read(ref _executors))
        {
            if (executor.IsWaitingForSpace)
            {
                executor.Activate();
            }
        }
    }

    /// <summary>
    /// A long slice is user code that waits (asleep in the kernel past <see cref="BlockedAfter"/>) or that
    /// computes past <see cref="HoggingAfter"/>. A thread that is runnable but was preempted, or paused by a
    /// garbage collection, is neither: replacing it would only add a thread competing for the same cores.
    /// </summary>
    private static bool IsBlocked(PoolThread thread, long sliceTicks) =>
        sliceTicks > HoggingAfterTicks || (sliceTicks > BlockedAfterTicks && thread.State!.IsWaiting);

    private sealed class PoolThread
    {
        public Thread Thread = null!;
        public OsThreadState? State;
        public long SliceStart;
        public volatile bool Blocked;
    }
}
