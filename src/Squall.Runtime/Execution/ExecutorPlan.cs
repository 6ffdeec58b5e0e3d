namespace Squall.Runtime.Execution;

/// <summary>How a worker's tasks are grouped into executors: per component, contiguous slices of its task ids.</summary>
internal static class ExecutorPlan
{
    /// <summary>Splits <paramref name="tasks"/> into <paramref name="executors"/> slices whose sizes differ by at most one.</summary>
    public static IEnumerable<int[]> Split(int[] tasks, int executors)
    {
        // No tasks (e.g. topology.acker.executors = 0): no executors, and Math.Clamp would throw on max < min.
        if (tasks.Length == 0)
        {
            yield break;
        }

        var count = Math.Clamp(executors, 1, tasks.Length);
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var size = (tasks.Length / count) + (i < tasks.Length % count ? 1 : 0);
            yield return tasks[start..(start + size)];
            start += size;
        }
    }

    /// <summary>The components that can reach themselves through subscriptions (they sit on a cycle).</summary>
    public static HashSet<string> ComponentsOnCycles(StormTopology topology)
    {
        var downstream = topology.Components.ToDictionary(
            c => c.Id,
            c => topology.Components.Where(t => t.Subscriptions.Any(s => s.SourceComponent == c.Id)).Select(t => t.Id).ToList(),
            StringComparer.Ordinal);
        var onCycle = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in downstream.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(downstream[start]);
            while (stack.TryPop(out var next))
            {
                if (next == start)
                {
                    onCycle.Add(start);
                    break;
                }

                if (seen.Add(next))
                {
                    downstream[next].ForEach(stack.Push);
                }
            }
        }

        return onCycle;
    }
}
