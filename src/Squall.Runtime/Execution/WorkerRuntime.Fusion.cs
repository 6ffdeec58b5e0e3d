namespace Squall.Runtime.Execution;

/// <summary>Fusion: which tasks run inside another task's executor, fed by direct calls (see <see cref="FusionPlan"/>).</summary>
internal sealed partial class WorkerRuntime
{
    /// <summary>The fusion plan over the whole topology's placement (every worker computes the same one).</summary>
    private FusionPlan PlanFusion()
    {
        var layout = _worker.Layout;
        var workerOfTask = new int[layout.MaxTaskId + 1];
        foreach (var slice in ExecutorPlan.Plan(layout, _executorCounts, _workerCount))
        {
            foreach (var task in slice.Tasks)
            {
                workerOfTask[task] = slice.Worker;
            }
        }

        return FusionPlan.Create(layout.Topology, workerOfTask, _onCycles, _worker.Options.FusionEnabled);
    }

    /// <summary>Points each fused task's upstream task at it, so the upstream's emits execute it directly.</summary>
    private void FuseTasks()
    {
        foreach (var (taskId, task) in _tasks)
        {
            if (_fusion.IsFused(task.ComponentId))
            {
                _tasks[_fusion.UpstreamTask(task.ComponentId, taskId)].Emitter!.Fuse((BoltTask)task);
            }
        }
    }

    /// <summary>
    /// The slices that get an executor (those of unfused components), and each one's tasks: its own first,
    /// then the fused tasks it hosts, nearest first (the executor prepares them from the last). A fused
    /// component's slices get none: its tasks follow their upstream tasks, whatever its executor count
    /// (which a rebalance may change without moving them).
    /// </summary>
    private (List<ExecutorSlice> Hosts, List<TaskRunner>[] Members) HostedTasks()
    {
        var hosts = _slices.Where(s => !_fusion.IsFused(s.Component)).ToList();
        var members = hosts.Select(h => h.Tasks.Select(t => _tasks[t]).ToList()).ToArray();
        var hostOf = new Dictionary<int, int>();
        for (var i = 0; i < hosts.Count; i++)
        {
            foreach (var task in hosts[i].Tasks)
            {
                hostOf[task] = i;
            }
        }

        foreach (var slice in _slices.Where(s => _fusion.IsFused(s.Component)).OrderBy(s => _fusion.Links(s.Component)))
        {
            foreach (var task in slice.Tasks)
            {
                members[hostOf[_fusion.HostTask(slice.Component, task)]].Add(_tasks[task]);
            }
        }

        return (hosts, members);
    }

    /// <summary>E.g. <c>split[3-4]+count[7-8]</c>: each component the executor runs, with its task range.</summary>
    private static string ExecutorName(List<TaskRunner> members) =>
        string.Join('+', members.GroupBy(m => m.ComponentId).Select(g => $"{g.Key}[{g.Min(t => t.TaskId)}-{g.Max(t => t.TaskId)}]"));
}
