namespace Squall.Runtime.TupleTrees;

/// <summary>
/// A failed spout tuple's tree as its worker put it together from the tasks' flight recorders, without debug
/// sampling: every recorded edge with its verdict, and why the tree failed. It travels with the worker's stats
/// report to the UI. What may be absent comes last, with a default: the cluster's JSON leaves nulls out and
/// requires every other parameter.
/// </summary>
/// <param name="Root">The tree's root id.</param>
/// <param name="Time">When the spout learned of the failure.</param>
/// <param name="Spout">The spout component.</param>
/// <param name="SpoutTask">The spout task.</param>
/// <param name="Status"><c>failed</c> (a task failed an edge) or <c>timeout</c>.</param>
/// <param name="Reason">Why, as the spout was told (<see cref="FailureReason"/>'s text).</param>
/// <param name="FailedTask">The task that failed it; -1 for a timeout.</param>
/// <param name="Edges">The recorded edges, in the order they were emitted.</param>
/// <param name="MessageId">The spout's message id, as text; null in a <see cref="Fragment"/>.</param>
/// <param name="FailedComponent">The component whose task failed it; null for a timeout.</param>
/// <param name="Partial">Why edges may be missing, or null when the recorders held the whole tree.</param>
public sealed record FailedTree(
    long Root,
    DateTimeOffset Time,
    string Spout,
    int SpoutTask,
    string Status,
    string Reason,
    int FailedTask,
    List<TreeEdge> Edges,
    string? MessageId = null,
    string? FailedComponent = null,
    string? Partial = null)
{
    /// <summary>The failed trees a worker keeps, and the UI shows for a topology; older ones are dropped first.</summary>
    public const int Kept = 20;

    /// <summary><see cref="Partial"/>: a recorder went round before the tree was assembled.</summary>
    public const string Overwritten = "older edges overwritten";

    /// <summary><see cref="Partial"/>: some edges were recorded by tasks of other workers, whose parts are not here.</summary>
    public const string OtherWorkers = "edges in other workers not recorded";

    /// <summary>
    /// True for a worker's part of a tree whose spout runs in another worker (no message id): the UI merges the
    /// parts of a tree by its root.
    /// </summary>
    public bool Fragment { get; init; }

    /// <summary>This worker's tasks whose recorders never went round: an edge into one of them without a verdict was still open.</summary>
    public List<int> IntactTasks { get; init; } = [];
}
