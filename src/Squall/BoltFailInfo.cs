namespace Squall;

/// <summary>A bolt task failed a tuple (Storm's <c>BoltFailInfo</c>).</summary>
/// <param name="Tuple">The input.</param>
/// <param name="FailingTaskId">The bolt task.</param>
/// <param name="Reason">The reason given to <c>Fail</c>, if any.</param>
public sealed record BoltFailInfo(Tuple Tuple, int FailingTaskId, string? Reason);
