namespace Squall.Runtime.Execution;

/// <summary>One executor of the topology: the tasks it runs (one component's), and the worker it runs in.</summary>
internal sealed record ExecutorSlice(string Component, int[] Tasks, int Worker);
