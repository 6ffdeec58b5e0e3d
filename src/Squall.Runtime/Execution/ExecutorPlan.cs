namespace Squall.Runtime.Execution;

/// <summary>
/// How a topology's tasks are grouped into executors (per component, contiguous slices of its task ids) and
/// spread over workers (round robin, Storm's even scheduler). A pure function of the topology, the executor
/// counts and the worker count, so every worker computes the same plan and an assignment need only say
/// which worker is which.
/// </summary>
internal static class ExecutorPlan
{
    public static IReadOnlyList<ExecutorSlice> Plan(TaskLayout layout, IReadOnlyDictionary<string, int> executorCounts, int workers)
    {
        var slices = new List<ExecutorSlice>();
        foreach (var (component, tasks) in layout.ComponentTasks.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var slice in Split(tasks, executorCounts[component]))
            {
                slices.Add(new ExecutorSlice(component, slice, slices.Count % workers));
            }
        }

        return slices;
    }

    /// <summary>Splits <paramref name="tasks"/> into <paramref name="executors"/> slices whose sizes differ by at most one.</summary>
    public static IEnumerable<int[]> Split(int[] tasks, int executors)
    {
        // A component without tasks (the acker with topology.acker.executors = 0) gets no executor;
        // Math.Clamp would throw, its minimum 1 being above its maximum 0.
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
