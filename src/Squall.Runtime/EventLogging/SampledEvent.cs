namespace Squall.Runtime.EventLogging;

/// <summary>
/// One logged event of Storm's event logger: a sampled emit (with its values and the edges it started), or a
/// sampled ack or fail of an input tuple, or the end of a sampled spout tuple's tree. The ids let the UI
/// rebuild a spout tuple's tree: every event names the trees (<see cref="Roots"/>) it belongs to. What may be
/// absent comes last, with a default: the cluster's JSON leaves nulls out and requires every other parameter.
/// </summary>
/// <param name="Time">When it happened.</param>
/// <param name="Kind"><c>emit</c>, <c>ack</c>, <c>fail</c> (a bolt's verdict on an input), or <c>acked</c>, <c>failed</c>, <c>timeout</c> (a spout tuple's tree ended).</param>
/// <param name="Component">The component whose task did it.</param>
/// <param name="Task">The task.</param>
/// <param name="Stream">The stream emitted on, or the input's stream.</param>
/// <param name="Values">The tuple's values as text.</param>
/// <param name="Roots">The trees (root ids) the tuple belongs to; empty when untracked.</param>
/// <param name="Edges">Emit: the edge id sent to each target task, per root (<c>root:edge@task</c> as <see cref="EventEdge"/>). Ack and fail: the input's edge per root.</param>
/// <param name="MessageId">The spout's message id (spout events), as text.</param>
/// <param name="Reason">Why it failed (fail, failed, timeout).</param>
/// <param name="Anchors">A bolt's emit: the edges of the inputs it was anchored to, which makes it their child in the tree.</param>
public sealed record SampledEvent(
    DateTimeOffset Time,
    string Kind,
    string Component,
    int Task,
    string Stream,
    List<string> Values,
    List<long> Roots,
    List<EventEdge> Edges,
    string? MessageId = null,
    string? Reason = null,
    List<EventEdge>? Anchors = null);
