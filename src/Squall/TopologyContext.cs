using Squall.Metrics;

namespace Squall;

/// <summary>
/// What a task knows about itself and the topology it runs in; where it registers metrics and task hooks
/// and keeps task data. Split by concern: <c>TopologyContext.Metrics.cs</c>.
/// </summary>
public sealed partial class TopologyContext
{
    private readonly TaskLayout _layout;
    private IExecutorMailbox? _mailbox;
    private readonly Dictionary<string, object?> _taskData = new(StringComparer.Ordinal);
    private readonly List<ITaskHook> _hooks = [];

    internal TopologyContext(TaskLayout layout, string topologyId, int taskId, IReadOnlyList<int> workerTasks)
    {
        _layout = layout;
        TopologyId = topologyId;
        ThisTaskId = taskId;
        ThisComponentId = layout.ComponentOfTask[taskId];
        ThisWorkerTasks = workerTasks;
        ThisTaskIndex = Array.IndexOf(layout.ComponentTasks[ThisComponentId], taskId);
    }

    /// <summary>The id of the running topology.</summary>
    public string TopologyId { get; }

    /// <summary>This task's id, unique in the topology.</summary>
    public int ThisTaskId { get; }

    /// <summary>The component this task is an instance of.</summary>
    public string ThisComponentId { get; }

    /// <summary>This task's index among its component's tasks (0 to tasks − 1).</summary>
    public int ThisTaskIndex { get; }

    /// <summary>
    /// Where other threads hand work to this task's executor thread (the only thread that may use its
    /// collector); see <see cref="IExecutorMailbox"/>.
    /// </summary>
    public IExecutorMailbox Mailbox
    {
        get => _mailbox ?? throw new InvalidOperationException(
            $"Task {ThisTaskId} ('{ThisComponentId}') runs in no executor, so it has no mailbox: this context was not made by a running topology.");
        internal set => _mailbox = value;
    }

    /// <summary>The port this task's worker listens on for other workers (0 for a topology of one worker, which listens on none).</summary>
    public int ThisWorkerPort => WorkerPort?.Invoke() ?? 0;

    /// <summary>The task hooks of this task (those added by <see cref="AddTaskHook"/> and <c>topology.auto.task.hooks</c>).</summary>
    public IReadOnlyList<ITaskHook> Hooks => _hooks;

    internal Func<int>? WorkerPort { get; init; }

    /// <summary>The tasks that run in this task's worker.</summary>
    public IReadOnlyList<int> ThisWorkerTasks { get; }

    /// <summary>The ids of every user component.</summary>
    public IEnumerable<string> ComponentIds => _layout.Topology.Components.Select(c => c.Id);

    /// <summary>The task ids of <paramref name="componentId"/>, ascending (empty for an unknown component).</summary>
    public IReadOnlyList<int> GetComponentTasks(string componentId) =>
        _layout.ComponentTasks.TryGetValue(componentId, out var tasks) ? tasks : [];

    /// <summary>The component that task <paramref name="taskId"/> belongs to, or null.</summary>
    public string? GetComponentId(int taskId) =>
        taskId > 0 && taskId < _layout.ComponentOfTask.Length ? _layout.ComponentOfTask[taskId] : null;

    /// <summary>The fields of <paramref name="streamId"/> of <paramref name="componentId"/>.</summary>
    public Fields GetComponentOutputFields(string componentId, string streamId) =>
        _layout.Topology.ById.TryGetValue(componentId, out var c) && c.Streams.TryGetValue(streamId, out var s)
            ? s.Fields
            : throw new ArgumentException($"Component '{componentId}' does not declare stream '{streamId}'.");

    /// <summary>The fields of this component's <paramref name="streamId"/>.</summary>
    public Fields GetThisOutputFields(string streamId = Constants.DefaultStreamId) => GetComponentOutputFields(ThisComponentId, streamId);

    /// <summary>The streams this component declares.</summary>
    public IEnumerable<string> GetThisStreams() => Spec?.Streams.Keys ?? [];

    /// <summary>The streams this component subscribes to, with their groupings.</summary>
    public IReadOnlyList<Subscription> GetThisSources() => Spec?.Subscriptions ?? [];

    /// <summary>The subscriptions to this component's streams, by stream, with the subscribing component.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string Component, Subscription Subscription)>> GetThisTargets() =>
        GetThisStreams().ToDictionary(
            s => s,
            s => (IReadOnlyList<(string, Subscription)>)[.. _layout.Topology.ConsumersOf(ThisComponentId, s).Select(t => (t.Target.Id, t.Subscription))],
            StringComparer.Ordinal);

    /// <summary>Every task id (user and acker tasks) with its component (Storm's <c>getTaskToComponent</c>).</summary>
    public IReadOnlyDictionary<int, string> GetTaskToComponent()
    {
        var map = new Dictionary<int, string>();
        for (var task = 1; task < _layout.ComponentOfTask.Length; task++)
        {
            map[task] = _layout.ComponentOfTask[task];
        }

        return map;
    }

    /// <summary>The streams <paramref name="componentId"/> subscribes to, with their groupings (Storm's <c>getSources</c>).</summary>
    public IReadOnlyDictionary<GlobalStreamId, Subscription> GetSources(string componentId) =>
        _layout.Topology.ById.TryGetValue(componentId, out var c)
            ? c.Subscriptions.ToDictionary(s => new GlobalStreamId(s.SourceComponent, s.StreamId))
            : new Dictionary<GlobalStreamId, Subscription>();

    /// <summary>For each stream of <paramref name="componentId"/>, the subscribing components and their groupings (Storm's <c>getTargets</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, Subscription>> GetTargets(string componentId) =>
        _layout.Topology.ById.TryGetValue(componentId, out var c)
            ? c.Streams.Keys.ToDictionary(
                s => s,
                s => (IReadOnlyDictionary<string, Subscription>)_layout.Topology.ConsumersOf(componentId, s).ToDictionary(t => t.Target.Id, t => t.Subscription, StringComparer.Ordinal),
                StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyDictionary<string, Subscription>>(StringComparer.Ordinal);

    /// <summary>The fields of every stream this component subscribes to, by component then stream (Storm's <c>getThisInputFields</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, Fields>> GetThisInputFields() =>
        GetThisSources()
            .GroupBy(s => s.SourceComponent, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, Fields>)g.ToDictionary(s => s.StreamId, s => GetComponentOutputFields(s.SourceComponent, s.StreamId), StringComparer.Ordinal),
                StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="name"/> for this task (Storm's <c>setTaskData</c>).</summary>
    public void SetTaskData(string name, object? value) => _taskData[name] = value;

    /// <summary>What <see cref="SetTaskData"/> kept under <paramref name="name"/>, or null.</summary>
    public object? GetTaskData(string name) => _taskData.GetValueOrDefault(name);

    /// <summary>
    /// Adds a hook that observes this task's emits, acks, fails and executes, calling its <c>Prepare</c> at once
    /// (Storm's <c>addTaskHook</c>). Call it from <c>Open</c>/<c>Prepare</c>, on the task's thread.
    /// </summary>
    public void AddTaskHook(ITaskHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        hook.Prepare(Conf ?? new Config(), this);
        _hooks.Add(hook);
    }

    /// <summary>The task's configuration, handed to hooks.</summary>
    internal Config? Conf { get; init; }

    /// <summary>The descriptor of <paramref name="componentId"/>'s stream <paramref name="streamId"/> (to rebuild saved tuples), or null.</summary>
    internal StreamDescriptor? FindStream(string componentId, string streamId) =>
        _layout.Topology.ById.GetValueOrDefault(componentId)?.Streams.GetValueOrDefault(streamId);

    private ComponentSpec? Spec => _layout.Topology.ById.GetValueOrDefault(ThisComponentId);
}
