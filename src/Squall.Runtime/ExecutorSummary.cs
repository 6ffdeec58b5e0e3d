using Squall.Runtime.Metrics;

namespace Squall.Runtime;

/// <summary>One executor of a running topology and its counters (Storm's <c>ExecutorSummary</c> with its stats).</summary>
/// <param name="ComponentId">The component it runs.</param>
/// <param name="TaskStart">Its first task id.</param>
/// <param name="TaskEnd">Its last task id.</param>
/// <param name="Worker">The index of the worker it runs in.</param>
/// <param name="Port">That worker's port (0 for a single worker).</param>
/// <param name="Stats">Its counters, summed over its tasks.</param>
public sealed record ExecutorSummary(string ComponentId, int TaskStart, int TaskEnd, int Worker, int Port, ComponentStats Stats);
