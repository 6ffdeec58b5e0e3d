namespace Squall;

/// <summary>What a task knows about itself and the topology it runs in.</summary>
public sealed class TopologyContext
{
    private readonly TaskLayout _layout;
    private IExecutorMailbox? _mailbox;

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

    private ComponentSpec? Spec => _layout.Topology.ById.GetValueOrDefault(ThisComponentId);
}
