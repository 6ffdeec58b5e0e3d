namespace Squall;

/// <summary>Every task of a running topology, user and system (ackers), and which component each belongs to.</summary>
internal sealed class TaskLayout
{
    public TaskLayout(StormTopology topology, int ackerTasks)
    {
        Topology = topology;
        var tasks = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var component in topology.Components)
        {
            tasks[component.Id] = component.TaskIds;
        }

        AckerTasks = Enumerable.Range(topology.UserTaskCount + 1, ackerTasks).ToArray();
        tasks[Constants.AckerComponentId] = AckerTasks;
        ComponentTasks = tasks;
        ComponentOfTask = new string[topology.UserTaskCount + ackerTasks + 1];
        foreach (var (component, ids) in tasks)
        {
            foreach (var id in ids)
            {
                ComponentOfTask[id] = component;
            }
        }
    }

    public StormTopology Topology { get; }

    public IReadOnlyDictionary<string, int[]> ComponentTasks { get; }

    public int[] AckerTasks { get; }

    /// <summary>The acker task that keeps the tree of <paramref name="root"/> (every worker agrees on it).</summary>
    public int AckerOf(long root) => AckerTasks[(int)((ulong)root % (ulong)AckerTasks.Length)];

    /// <summary>Indexed by task id; entry 0 is unused.</summary>
    public string[] ComponentOfTask { get; }

    public int MaxTaskId => ComponentOfTask.Length - 1;
}
