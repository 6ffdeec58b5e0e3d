namespace Squall;

/// <summary>A bolt task acked a tuple (Storm's <c>BoltAckInfo</c>).</summary>
/// <param name="Tuple">The input.</param>
/// <param name="AckingTaskId">The bolt task.</param>
public sealed record BoltAckInfo(Tuple Tuple, int AckingTaskId);
