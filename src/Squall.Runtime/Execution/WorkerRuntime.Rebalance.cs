using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>Rebalance: new executor counts within the fixed task counts, keeping every task's state.</summary>
internal sealed partial class WorkerRuntime
{
    /// <summary>
    /// Regroups the tasks into new executors. Unlike Storm, tasks are not restarted: executors stop without
    /// calling Cleanup, the same task instances move to the new executors, and the tuples still queued are
    /// re-delivered to them, so nothing in flight is lost and no state is rebuilt.
    /// </summary>
    public void Rebalance(IReadOnlyDictionary<string, int> executors)
    {
        var problems = CheckExecutorCounts(_worker.Layout.Topology, executors);
        if (_workerCount > 1)
        {
            problems.Add("Moving tasks between executors in place needs a single worker; restart the workers instead.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidTopologyException(problems);
        }

        var wasActive = _active;
        StopExecutors(stopTasks: false);
        var undelivered = new List<TupleBatch>();
        foreach (var executor in _executors)
        {
            undelivered.AddRange(executor.TakeUnprocessed());
            undelivered.AddRange(executor.Outbox.TakeUndelivered());
        }

        _executorCounts = new Dictionary<string, int>(_executorCounts, StringComparer.Ordinal);
        foreach (var (component, count) in executors)
        {
            _executorCounts[component] = count;
        }

        _slices = MySlices();
        _executors = BuildExecutors(startTasks: false);
        _pool?.Watch(_executors);
        _executors.ForEach(e => e.Start());
        Redeliver(undelivered);
        if (wasActive)
        {
            Activate();
        }
    }

    /// <summary>The problems with new executor counts: unknown components, or counts outside 1..tasks.</summary>
    public static List<string> CheckExecutorCounts(StormTopology topology, IReadOnlyDictionary<string, int> executors)
    {
        var problems = new List<string>();
        foreach (var (component, count) in executors)
        {
            if (!topology.ById.TryGetValue(component, out var spec))
            {
                problems.Add($"Component '{component}' is not in the topology.");
            }
            else if (count < 1 || count > spec.NumTasks)
            {
                problems.Add($"Component '{component}': {count} executors is outside 1..{spec.NumTasks} (its task count, fixed at submit).");
            }
        }

        return problems;
    }

    private void Redeliver(List<TupleBatch> batches)
    {
        var injector = new Outbox(_worker.Sinks, _worker.Options.ProducerBatchSize);
        foreach (var batch in batches)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                injector.Add(_worker.ExecutorOfTask[batch.Items[i].TargetTask], batch.Items[i]);
            }
        }

        while (!injector.Flush())
        {
            injector.WaitForSpace(TimeSpan.FromMilliseconds(10));
        }
    }
}
