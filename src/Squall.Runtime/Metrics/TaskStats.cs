namespace Squall.Runtime.Metrics;

/// <summary>One task's stats.</summary>
/// <param name="ComponentId">The component.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Executor">Its executor, as Storm names it: <c>[first-last]</c> task ids.</param>
/// <param name="ReceiveQueueFill">How full its executor's receive queue is now (0 to 1).</param>
/// <param name="Backpressure">True while its executor cannot send (the receivers' queues are full).</param>
/// <param name="Windows">The stats of each window: <c>600</c>, <c>10800</c>, <c>86400</c> seconds and <c>:all-time</c>.</param>
public sealed record TaskStats(string ComponentId, int TaskId, string Executor, double ReceiveQueueFill, bool Backpressure, List<WindowStats> Windows);
