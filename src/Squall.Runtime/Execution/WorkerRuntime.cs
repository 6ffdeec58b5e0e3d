using Squall.Runtime.Messaging;
using Squall.Runtime.Metrics;

namespace Squall.Runtime.Execution;

/// <summary>
/// The executors of one worker: builds the tasks, groups them into executors, runs the tick and timeout
/// timers, and carries out activate, deactivate, rebalance and shutdown.
/// </summary>
internal sealed partial class WorkerRuntime : IDisposable
{
    private readonly WorkerContext _worker;
    private readonly List<TaskRunner> _tasks;
    private readonly HashSet<string> _onCycles;
    private readonly List<ITimer> _timers = [];
    private Dictionary<string, int> _executorCounts;
    private List<Executor> _executors = [];
    private bool _active;

    public WorkerRuntime(WorkerContext worker)
    {
        _worker = worker;
        var layout = worker.Layout;
        var workerTasks = Enumerable.Range(1, layout.MaxTaskId).ToArray();
        _tasks = [.. workerTasks.Select(t => TaskFactory.Create(worker, t, workerTasks))];
        _onCycles = ExecutorPlan.ComponentsOnCycles(layout.Topology);
        var cap = worker.Options.MaxTaskParallelism ?? int.MaxValue;
        _executorCounts = layout.Topology.Components.ToDictionary(c => c.Id, c => Math.Min(c.Executors, cap), StringComparer.Ordinal);
        _executorCounts[Constants.AckerComponentId] = layout.AckerTasks.Length;
    }

    public IReadOnlyList<TaskMetrics> TaskMetrics => [.. _tasks.Select(t => t.Metrics)];

    public int ExecutorCount => _executors.Count;

    /// <summary>Executors per component right now.</summary>
    public IReadOnlyDictionary<string, int> ExecutorCounts => _executorCounts;

    public void Start(bool active)
    {
        _executors = BuildExecutors(startTasks: true);
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
    }

    private void Broadcast(ControlMessage message)
    {
        foreach (var executor in _executors)
        {
            executor.Inbox.Post(message);
        }
    }

    private List<Executor> BuildExecutors(bool startTasks)
    {
        var slices = new List<(string Component, int[] Tasks)>();
        foreach (var (component, tasks) in _worker.Layout.ComponentTasks.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            slices.AddRange(ExecutorPlan.Split(tasks, _executorCounts[component]).Where(s => s.Length > 0).Select(s => (component, s)));
        }

        var capacity = Math.Max(4, _worker.Options.ReceiveBufferSize / _worker.Options.ProducerBatchSize);
        var inboxes = slices.Select(_ => new Inbox(capacity)).ToArray();
        for (var i = 0; i < slices.Count; i++)
        {
            foreach (var task in slices[i].Tasks)
            {
                _worker.ExecutorOfTask[task] = i;
            }
        }

        _worker.Inboxes = inboxes;
        return [.. slices.Select((slice, i) => new Executor(
            $"{_worker.TopologyId}:{slice.Component}[{slice.Tasks[0]}-{slice.Tasks[^1]}]",
            [.. slice.Tasks.Select(t => _tasks[t - 1])],
            inboxes[i],
            new Outbox(inboxes, _worker.Options.ProducerBatchSize),
            _onCycles.Contains(slice.Component))
        {
            StartTasks = startTasks,
        })];
    }

    private void StartTimers()
    {
        var options = _worker.Options;
        var period = options.RotationPeriod;
        _timers.Add(_worker.Time.CreateTimer(_ => Broadcast(new ControlMessage(ControlKind.RotateTimeouts)), null, period, period));
        var frequencies = _tasks.OfType<BoltTask>().Select(b => b.TickFreqSecs).OfType<int>().Distinct();
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
