namespace Squall.Runtime.Execution;

/// <summary>What the stats reporter reads about executors (never on the executors' threads).</summary>
internal sealed partial class WorkerRuntime
{
    /// <summary>Each executor's task ids, how full its receive queue is, and whether its sends are held back.</summary>
    public IReadOnlyList<(int[] Tasks, double QueueFill, bool Backpressure)> ExecutorStates()
    {
        // Slices and executors are replaced together on rebalance; read both references once.
        var slices = _slices;
        var executors = _executors;
        var states = new List<(int[], double, bool)>(executors.Count);
        for (var i = 0; i < Math.Min(slices.Count, executors.Count); i++)
        {
            var inbox = executors[i].Inbox;
            states.Add((slices[i].Tasks, inbox.Capacity == 0 ? 0 : (double)inbox.Count / inbox.Capacity, executors[i].Outbox.HasOverflow));
        }

        return states;
    }
}
