namespace Squall;

/// <summary>A bolt task executed a tuple (Storm's <c>BoltExecuteInfo</c>).</summary>
/// <param name="Tuple">The input.</param>
/// <param name="ExecutingTaskId">The bolt task.</param>
/// <param name="ExecuteLatency">How long <c>Execute</c> took.</param>
public sealed record BoltExecuteInfo(Tuple Tuple, int ExecutingTaskId, TimeSpan ExecuteLatency);
