namespace Squall;

/// <summary>A tuple a task emitted (Storm's <c>EmitInfo</c>).</summary>
/// <param name="Values">The values.</param>
/// <param name="Stream">The stream.</param>
/// <param name="TaskId">The emitting task.</param>
/// <param name="OutTasks">The tasks it was sent to.</param>
public sealed record EmitInfo(Values Values, string Stream, int TaskId, IReadOnlyList<int> OutTasks);
