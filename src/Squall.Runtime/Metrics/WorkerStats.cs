using Squall.Runtime.Execution;

namespace Squall.Runtime.Metrics;

/// <summary>
/// A worker's built-in stats: samples its tasks' cumulative counters into a <see cref="StatsHistory"/> on a
/// timer (the topology's <see cref="TimeProvider"/>, so tests move it by hand) and builds the report the
/// supervisor forwards to Nimbus and the local-mode UI reads. Nothing here runs on an executor thread.
/// </summary>
internal sealed class WorkerStats : IDisposable
{
    private const int ErrorsPerComponent = 10;

    private readonly WorkerContext _context;
    private readonly WorkerRuntime _runtime;
    private readonly int _port;
    private readonly StatsHistory _history;
    private readonly DateTimeOffset _start;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<ErrorReport>> _errors = new(StringComparer.Ordinal);
    private readonly List<ComponentShape> _shape;
    private readonly ITimer _timer;

    public WorkerStats(WorkerContext context, WorkerRuntime runtime, int port)
    {
        _context = context;
        _runtime = runtime;
        _port = port;
        _start = context.Time.GetUtcNow();
        _history = new StatsHistory(_start, StatsWindow.All);
        _shape = Shape(context.Layout);
        _timer = context.Time.CreateTimer(_ => Record(), null, _history.Period, _history.Period);
    }

    public void Record()
    {
        var samples = Sample(out _);
        lock (_lock)
        {
            _history.Record(_context.Time.GetUtcNow(), samples);
        }
    }

    /// <summary>Keeps the last errors of each component for the report.</summary>
    public void OnError(ComponentError error)
    {
        lock (_lock)
        {
            if (!_errors.TryGetValue(error.ComponentId, out var queue))
            {
                _errors[error.ComponentId] = queue = new Queue<ErrorReport>();
            }

            queue.Enqueue(new ErrorReport(error.ComponentId, error.TaskId, error.Time, error.Error.ToString()));
            if (queue.Count > ErrorsPerComponent)
            {
                queue.Dequeue();
            }
        }
    }

    public WorkerStatsReport Report()
    {
        var now = _context.Time.GetUtcNow();
        var current = Sample(out var metrics);
        var executors = new Dictionary<int, (string Name, double Fill, bool Backpressure)>();
        foreach (var (tasks, fill, backpressure) in _runtime.ExecutorStates())
        {
            foreach (var task in tasks)
            {
                executors[task] = ($"[{tasks[0]}-{tasks[^1]}]", fill, backpressure);
            }
        }

        lock (_lock)
        {
            var baselines = StatsWindow.All.Select(w => (Window: w, Base: _history.Baseline(w, now))).ToList();
            var tasks = new List<TaskStats>(metrics.Count);
            foreach (var m in metrics)
            {
                var sample = current[m.TaskId];
                var executor = executors.GetValueOrDefault(m.TaskId, ($"[{m.TaskId}-{m.TaskId}]", 0, false));
                tasks.Add(new TaskStats(
                    m.ComponentId,
                    m.TaskId,
                    executor.Name,
                    executor.Fill,
                    executor.Backpressure,
                    [.. baselines.Select(b => sample.Since(b.Base.Sample(m.TaskId), m, b.Window.Name, Math.Max(0, (now - b.Base.At).TotalSeconds)))]));
            }

            return new WorkerStatsReport(
                _context.TopologyId,
                now,
                (now - _start).TotalSeconds,
                _port,
                _shape,
                tasks,
                [.. _errors.Values.SelectMany(q => q).OrderBy(e => e.Time)])
            {
                Debug = _context.Events.Options,
                EventLoggingEnabled = _context.Events.Enabled,
                Events = _context.Events.Recent(),
                FailedTrees = _context.FailedTrees.Recent(),
            };
        }
    }

    public void Dispose() => _timer.Dispose();

    private Dictionary<int, TaskSample> Sample(out IReadOnlyList<TaskMetrics> metrics)
    {
        metrics = _runtime.TaskMetrics;
        var samples = new Dictionary<int, TaskSample>(metrics.Count);
        foreach (var m in metrics)
        {
            samples[m.TaskId] = TaskSample.Of(m);
        }

        return samples;
    }

    private static List<ComponentShape> Shape(TaskLayout layout) =>
    [
        .. layout.Topology.Components.Select(c => new ComponentShape(
            c.Id,
            c.IsSpout ? "spout" : "bolt",
            c.NumTasks,
            [.. c.Subscriptions.Select(s => new ComponentInput(s.SourceComponent, s.StreamId, Grouping(s)))],
            [.. c.StreamList.Select(s => s.StreamId)])),
    ];

    private static string Grouping(Subscription s) => s.Kind switch
    {
        GroupingKind.Fields => $"fields({string.Join(", ", s.GroupingFields ?? new Fields())})",
        GroupingKind.PartialKey => $"partialKey({string.Join(", ", s.GroupingFields ?? new Fields())})",
        GroupingKind.LocalOrShuffle => "localOrShuffle",
        _ => s.Kind.ToString().ToLowerInvariant(),
    };
}
