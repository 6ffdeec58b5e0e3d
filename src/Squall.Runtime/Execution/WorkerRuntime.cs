using Squall.Runtime.Messaging;
using Squall.Runtime.Metrics;

namespace Squall.Runtime.Execution;

/// <summary>
/// The executors of one worker: builds this worker's tasks from the executor plan, groups them into
/// executors, runs the tick and timeout timers, and carries out activate, deactivate, rebalance and shutdown.
/// </summary>
internal sealed partial class WorkerRuntime : IDisposable
{
    private readonly WorkerContext _worker;
    private readonly Dictionary<int, TaskRunner> _tasks;
    private readonly HashSet<string> _onCycles;
    private readonly FusionPlan _fusion;
    private readonly List<IDisposable> _timers = [];
    private readonly int _workerIndex;
    private readonly int _workerCount;
    private Dictionary<string, int> _executorCounts;
    private List<ExecutorSlice> _slices;
    private IBatchSink[] _remote = [];
    private List<Executor> _executors = [];
    private ExecutorPool? _pool;
    private bool _active;

    public WorkerRuntime(WorkerContext worker, int workerIndex = 0, int workerCount = 1)
    {
        _worker = worker;
        _workerIndex = workerIndex;
        _workerCount = workerCount;
        var layout = worker.Layout;
        _executorCounts = ExecutorCountsFrom(worker);
        _slices = MySlices();
        _onCycles = ExecutorPlan.ComponentsOnCycles(layout.Topology);
        _fusion = PlanFusion();
        var workerTasks = _slices.SelectMany(s => s.Tasks).Order().ToArray();
        _tasks = workerTasks.ToDictionary(t => t, t => TaskFactory.Create(worker, t, workerTasks, _fusion));
        FuseTasks();
    }

    public IReadOnlyList<TaskMetrics> TaskMetrics => [.. _tasks.Values.Select(t => t.Metrics)];

    /// <summary>This worker's executors: each one's component and tasks.</summary>
    public IReadOnlyList<ExecutorSlice> Executors => _slices;

    /// <summary>How many executors run in this worker.</summary>
    public int LocalExecutorCount => _slices.Count;

    /// <summary>Starts the executors; <paramref name="remote"/> holds one sink per other worker, in worker order.</summary>
    public void Start(bool active, IBatchSink[] remote)
    {
        _remote = remote;
        _pool = CreatePool();
        if (_worker.UserMetrics is { } metrics)
        {
            metrics.RequestCollect = secs => Broadcast(new ControlMessage(ControlKind.MetricsTick, secs));
        }

        _executors = BuildExecutors(startTasks: true);
        _pool.Watch(_executors);
        _executors.ForEach(e => e.Start());
        StartTimers();
        if (active)
        {
            Activate();
        }
    }

    public void Activate()
    {
        _active = true;
        Broadcast(new ControlMessage(ControlKind.Activate));
    }

    public void Deactivate()
    {
        _active = false;
        Broadcast(new ControlMessage(ControlKind.Deactivate));
    }

    public void Dispose()
    {
        _timers.ForEach(t => t.Dispose());
        _timers.Clear();
        StopExecutors(stopTasks: true);
        _pool?.Dispose();
        _pool = null;
    }

    /// <summary>The pool's threads: <c>topology.worker.executor.threads</c>, or one per core, but no more than there are pooled executors.</summary>
    private ExecutorPool CreatePool()
    {
        var pooled = _slices.Count(s => !_fusion.IsFused(s.Component) && !(_worker.Layout.Topology.ById.TryGetValue(s.Component, out var c) && c.IsSpout));
        var size = Math.Clamp(_worker.Options.WorkerExecutorThreads ?? Environment.ProcessorCount, 1, Math.Max(1, pooled));
        return new ExecutorPool($"{_worker.TopologyId}", size, maxThreads: size + _slices.Count);
    }

    private static Dictionary<string, int> ExecutorCountsFrom(WorkerContext worker)
    {
        var cap = worker.Options.MaxTaskParallelism ?? int.MaxValue;
        var counts = worker.Layout.Topology.Components.ToDictionary(
            c => c.Id,
            c => Math.Min(worker.Conf.GetNullableInt(Config.ComponentExecutorsKey(c.Id)) ?? c.Executors, cap),
            StringComparer.Ordinal);
        counts[Constants.AckerComponentId] = worker.Layout.AckerTasks.Length;
        return counts;
    }

    private List<ExecutorSlice> MySlices() =>
        [.. ExecutorPlan.Plan(_worker.Layout, _executorCounts, _workerCount).Where(s => s.Worker == _workerIndex)];

    private void Broadcast(ControlMessage message)
    {
        foreach (var executor in _executors)
        {
            executor.Inbox.Post(message);
        }
    }

    private List<Executor> BuildExecutors(bool startTasks)
    {
        var (hosts, members) = HostedTasks();
        var capacity = Math.Max(4, _worker.Options.ReceiveBufferSize / _worker.Options.ProducerBatchSize);
        var inboxes = hosts.Select(_ => new Inbox(capacity)).ToArray();
        var plan = ExecutorPlan.Plan(_worker.Layout, _executorCounts, _workerCount);
        foreach (var slice in plan.Where(s => s.Worker != _workerIndex))
        {
            foreach (var task in slice.Tasks)
            {
                _worker.ExecutorOfTask[task] = inboxes.Length + RemoteIndex(slice.Worker);
            }
        }

        for (var i = 0; i < hosts.Count; i++)
        {
            foreach (var task in members[i])
            {
                _worker.ExecutorOfTask[task.TaskId] = i;
            }
        }

        _worker.TaskInEachOtherWorker = [.. plan
            .Where(s => s.Worker != _workerIndex)
            .GroupBy(s => s.Worker)
            .Select(g => g.SelectMany(s => s.Tasks).FirstOrDefault(t => _worker.Layout.ComponentOfTask[t] != Constants.AckerComponentId))
            .Where(t => t > 0)];
        IBatchSink[] sinks = [.. inboxes, .. _remote];
        _worker.Sinks = sinks;
        return [.. hosts.Select((slice, i) => new Executor(
            $"{_worker.TopologyId}:{ExecutorName(members[i])}",
            [.. members[i]],
            inboxes[i],
            new Outbox(sinks, _worker.Options.ProducerBatchSize),
            _onCycles.Contains(slice.Component),
            _pool)
        {
            StartTasks = startTasks,
        })];
    }

    private int RemoteIndex(int worker) => worker < _workerIndex ? worker : worker - 1;

    private void StartTimers()
    {
        var period = _worker.Options.RotationPeriod;
        _timers.Add(_worker.Time.CreateTimer(_ => Broadcast(new ControlMessage(ControlKind.RotateTimeouts)), null, period, period));
        var flush = _worker.Options.BatchFlushIntervalMillis;
        if (flush > 0 && _tasks.Values.Any(t => t is SpoutTask))
        {
            _timers.Add(FlushTicker.Start(_worker, TimeSpan.FromMilliseconds(flush)));
        }

        // Failed trees (this worker's spouts', or parts announced by other workers) are assembled off the tasks'
        // threads, soon, before the recorders go round.
        if (_worker.FailedTrees.RecorderSize > 0)
        {
            var every = TupleTrees.FailedTreeLog.AssembleEvery;
            _timers.Add(_worker.Time.CreateTimer(static w => ((WorkerContext)w!).FailedTrees.AssemblePending(), _worker, every, every));
        }

        var frequencies = _tasks.Values.OfType<BoltTask>().Select(b => b.TickFreqSecs).OfType<int>().Distinct();
        foreach (var freq in frequencies)
        {
            var every = TimeSpan.FromSeconds(freq);
            _timers.Add(_worker.Time.CreateTimer(_ => Broadcast(new ControlMessage(ControlKind.Tick, freq)), null, every, every));
        }
    }

    private void StopExecutors(bool stopTasks)
    {
        foreach (var executor in _executors)
        {
            executor.StopTasks = stopTasks;
            executor.RequestStop();
        }

        foreach (var executor in _executors)
        {
            executor.Join(Timeout.InfiniteTimeSpan);
        }
    }
}
