namespace Squall.Runtime.TupleTrees;

/// <summary>One edge of a <see cref="FailedTree"/>: a tuple sent from one task to another, and what became of it.</summary>
/// <param name="Edge">The edge id.</param>
/// <param name="Parent">The edge it was anchored to; 0 for the spout's edges and when unknown (its emit was overwritten).</param>
/// <param name="Stream">The stream it was emitted on.</param>
/// <param name="FromComponent">The emitting component.</param>
/// <param name="FromTask">The emitting task.</param>
/// <param name="ToComponent">The receiving component.</param>
/// <param name="ToTask">The receiving task, which acked or failed it.</param>
/// <param name="State">
/// <c>acked</c>, <c>failed</c>, <c>open</c> (no verdict when the tree ended), or <c>unknown</c> (the receiving
/// task's records were not available: it runs in another worker, or its older records were overwritten).
/// </param>
/// <param name="Reason">For the failed edge of the task named in the tree's reason: that reason's message.</param>
public sealed record TreeEdge(
    long Edge,
    long Parent,
    string Stream,
    string FromComponent,
    int FromTask,
    string ToComponent,
    int ToTask,
    string State,
    string? Reason = null);
