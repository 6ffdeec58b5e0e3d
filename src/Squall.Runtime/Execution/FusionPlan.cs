namespace Squall.Runtime.Execution;

/// <summary>
/// Which bolts run fused into their upstream's executor (Flink's operator chaining): a fused bolt's task has
/// no inbox and no executor of its own; its one upstream task hands it each tuple by a direct call to
/// Execute, on the same thread, inside the emit.
/// </summary>
/// <remarks>
/// A bolt B is fused into its upstream A when all of these hold (conservative on purpose: each one is what
/// makes the direct call indistinguishable from a queue, by Storm's rules):
/// <list type="bullet">
/// <item>B has exactly one subscription, to one stream of A, with local-or-shuffle or none grouping — so no
/// other component, no direct stream, no checkpoint or system stream ever sends B a tuple;</item>
/// <item>A and B have as many tasks, and the j-th task of each sits in the same worker — then sending every
/// tuple of A's j-th task to B's j-th task is a legal local-or-shuffle (and none) choice, and each B task
/// has exactly one producer, so its input order is its producer's emit order, as through a queue;</item>
/// <item>neither A nor B is on a cycle — a fused call can never come back to the task that made it;</item>
/// <item>the chain above B is shorter than <see cref="MaxChain"/> — each link is a nested call.</item>
/// </list>
/// The plan depends only on the topology and the worker placement of tasks, never on executor counts, so a
/// rebalance (one worker) keeps it: B's tasks follow their upstream tasks to their new executors, and no
/// tuple for a fused task ever waits in a queue that could reorder it.
/// </remarks>
internal sealed class FusionPlan
{
    /// <summary>The most fused links below an unfused component: bounds the nesting of Execute calls (and the stack).</summary>
    public const int MaxChain = 8;

    private readonly StormTopology _topology;
    private readonly Dictionary<string, string> _upstreamOf;
    private readonly Dictionary<string, int> _links;

    private FusionPlan(StormTopology topology, Dictionary<string, string> upstreamOf, Dictionary<string, int> links)
    {
        _topology = topology;
        _upstreamOf = upstreamOf;
        _links = links;
    }

    /// <summary>The fused components (each with the component it is fused into).</summary>
    public IReadOnlyDictionary<string, string> UpstreamOf => _upstreamOf;

    /// <param name="topology">The validated topology (system subscriptions included).</param>
    /// <param name="workerOfTask">Indexed by task id: the worker the executor plan puts that task in.</param>
    /// <param name="onCycles">The components on cycles (<see cref="ExecutorPlan.ComponentsOnCycles"/>).</param>
    /// <param name="enabled"><c>topology.fusion.enable</c>; false gives the empty plan.</param>
    public static FusionPlan Create(StormTopology topology, int[] workerOfTask, IReadOnlySet<string> onCycles, bool enabled)
    {
        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        if (enabled)
        {
            foreach (var component in topology.Components)
            {
                if (FusableUpstream(topology, component, workerOfTask, onCycles) is { } upstream)
                {
                    candidates[component.Id] = upstream;
                }
            }
        }

        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var fused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in candidates.Keys)
        {
            Depth(component, candidates, depth, fused);
        }

        return new FusionPlan(topology, fused, depth);
    }

    public bool IsFused(string component) => _upstreamOf.ContainsKey(component);

    /// <summary>How many fused links lie above <paramref name="component"/> (0: it is not fused).</summary>
    public int Links(string component) => _links.GetValueOrDefault(component);

    /// <summary>The task of fused <paramref name="component"/> that <paramref name="upstreamTask"/> feeds: the one at the same index.</summary>
    public int DownstreamTask(string component, int upstreamTask)
    {
        var upstream = _topology.ById[_upstreamOf[component]].TaskIds;
        return _topology.ById[component].TaskIds[Array.IndexOf(upstream, upstreamTask)];
    }

    /// <summary>The upstream task that feeds <paramref name="task"/> of fused <paramref name="component"/>: the one at the same index.</summary>
    public int UpstreamTask(string component, int task) =>
        _topology.ById[_upstreamOf[component]].TaskIds[Array.IndexOf(_topology.ById[component].TaskIds, task)];

    /// <summary>The task whose executor runs <paramref name="task"/>: itself, or (fused) its upstream task's host.</summary>
    public int HostTask(string component, int task)
    {
        while (_upstreamOf.TryGetValue(component, out var upstream))
        {
            task = UpstreamTask(component, task);
            component = upstream;
        }

        return task;
    }

    private static string? FusableUpstream(StormTopology topology, ComponentSpec bolt, int[] workerOfTask, IReadOnlySet<string> onCycles)
    {
        if (bolt.IsSpout || bolt.Subscriptions.Count != 1 || onCycles.Contains(bolt.Id))
        {
            return null;
        }

        var input = bolt.Subscriptions[0];
        if (input.Kind is not (GroupingKind.LocalOrShuffle or GroupingKind.None)
            || onCycles.Contains(input.SourceComponent)
            || !topology.ById.TryGetValue(input.SourceComponent, out var upstream)
            || upstream.TaskIds.Length != bolt.TaskIds.Length)
        {
            return null;
        }

        for (var j = 0; j < bolt.TaskIds.Length; j++)
        {
            if (workerOfTask[bolt.TaskIds[j]] != workerOfTask[upstream.TaskIds[j]])
            {
                return null;
            }
        }

        return upstream.Id;
    }

    /// <summary>Links above <paramref name="component"/>, fusing it only while the chain stays within <see cref="MaxChain"/>.</summary>
    private static int Depth(string component, Dictionary<string, string> candidates, Dictionary<string, int> depth, Dictionary<string, string> fused)
    {
        if (depth.TryGetValue(component, out var known))
        {
            return known;
        }

        var links = 0;
        if (candidates.TryGetValue(component, out var upstream))
        {
            var above = Depth(upstream, candidates, depth, fused) + 1;
            if (above <= MaxChain)
            {
                fused[component] = upstream;
                links = above;
            }
        }

        depth[component] = links;
        return links;
    }
}
