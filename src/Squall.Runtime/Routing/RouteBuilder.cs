namespace Squall.Runtime.Routing;

/// <summary>Builds the routes of one emitting task: one <see cref="StreamRoute"/> per declared stream, in stream index order.</summary>
internal static class RouteBuilder
{
    /// <param name="fusion">Fused subscribers get the one task paired with this one (null: nothing is fused).</param>
    public static StreamRoute[] Build(TaskLayout layout, ComponentSpec source, TopologyContext context, Execution.FusionPlan? fusion)
    {
        var routes = new StreamRoute[source.StreamList.Length];
        foreach (var stream in source.StreamList)
        {
            var groupers = new List<IGrouper>();
            var direct = new bool[layout.MaxTaskId + 1];
            foreach (var (target, subscription) in layout.Topology.ConsumersOf(source.Id, stream.StreamId))
            {
                if (subscription.Kind == GroupingKind.Direct)
                {
                    foreach (var task in target.TaskIds)
                    {
                        direct[task] = true;
                    }
                }
                else if (fusion is not null && fusion.IsFused(target.Id))
                {
                    groupers.Add(FixedGrouper.Pinned(fusion.DownstreamTask(target.Id, context.ThisTaskId)));
                }
                else
                {
                    groupers.Add(Create(subscription, stream, target, context));
                }
            }

            routes[stream.Index] = new StreamRoute(stream, [.. groupers], direct);
        }

        return routes;
    }

    private static IGrouper Create(Subscription subscription, StreamDescriptor stream, ComponentSpec target, TopologyContext context)
    {
        var targets = target.TaskIds;
        var seed = HashCode.Combine(context.ThisTaskId, target.Id.Length, stream.Index);
        return subscription.Kind switch
        {
            GroupingKind.Shuffle or GroupingKind.None => new ShuffleGrouper(targets, seed),
            GroupingKind.LocalOrShuffle => new ShuffleGrouper(LocalOrAll(targets, context.ThisWorkerTasks), seed),
            GroupingKind.Fields => new FieldsGrouper(targets, new FieldsHasher(stream.Fields, subscription.GroupingFields!)),
            GroupingKind.PartialKey => new PartialKeyGrouper(targets, new FieldsHasher(stream.Fields, subscription.GroupingFields!)),
            GroupingKind.All => FixedGrouper.All(targets),
            GroupingKind.Global => FixedGrouper.Global(targets),
            GroupingKind.Custom => CreateCustom(subscription, stream, target, context),
            _ => throw new InvalidOperationException($"Grouping {subscription.Kind} has no grouper."),
        };
    }

    private static int[] LocalOrAll(int[] targets, IReadOnlyList<int> workerTasks)
    {
        var local = targets.Where(workerTasks.Contains).ToArray();
        return local.Length > 0 ? local : targets;
    }

    private static CustomGrouper CreateCustom(Subscription subscription, StreamDescriptor stream, ComponentSpec target, TopologyContext context)
    {
        var grouping = subscription.CustomFactory!();
        grouping.Prepare(context, stream.ComponentId, stream.StreamId, target.TaskIds);
        return new CustomGrouper(grouping, target.TaskIds, $"'{target.Id}' on stream '{stream}'");
    }
}
