using Squall.Runtime.Routing;

namespace Squall.Runtime.Execution;

/// <summary>Creates a worker's task runners: instantiates the user's component, wires its collector and routes.</summary>
internal static class TaskFactory
{
    public static TaskRunner Create(WorkerContext worker, int taskId, IReadOnlyList<int> workerTasks, FusionPlan? fusion = null)
    {
        var layout = worker.Layout;
        var componentId = layout.ComponentOfTask[taskId];
        if (componentId == Constants.AckerComponentId)
        {
            return new AckerTask(worker, taskId);
        }

        var component = layout.Topology.ById[componentId];
        var conf = worker.Conf.With(component.Configuration);
        var context = new TopologyContext(layout, worker.TopologyId, taskId, workerTasks) { Conf = conf, WorkerPort = worker.Port };
        worker.UserMetrics?.Attach(context);
        AddAutoHooks(conf, context);
        var instance = Adapters.ComponentAdapters.Adapt(component.Factory(), component, worker.Time);
        var routes = RouteBuilder.Build(layout, component, context, fusion);
        switch (instance)
        {
            case ISpout spout:
            {
                var task = new SpoutTask(worker, component, spout, conf, context);
                context.Mailbox = task.Mailbox;
                task.Bind(new Emitter(task, component, routes, task.Metrics) { Debug = conf.Debug });
                return task;
            }

            case IBolt bolt:
            {
                var task = new BoltTask(worker, component, bolt, conf, context);
                context.Mailbox = task.Mailbox;
                task.Bind(new Emitter(task, component, routes, task.Metrics) { Debug = conf.Debug });
                return task;
            }

            default:
                throw new InvalidTopologyException($"Component '{componentId}': its factory returned {instance.GetType().Name}, neither a spout nor a bolt.");
        }
    }

    /// <summary><c>topology.auto.task.hooks</c>: one instance of each named hook type per task, prepared at once (as Storm does).</summary>
    private static void AddAutoHooks(Config conf, TopologyContext context)
    {
        foreach (var name in conf.GetStringList(Config.TopologyAutoTaskHooks))
        {
            var type = Transport.SerializerRegistryFactory.FindType(name)
                ?? throw new InvalidTopologyException($"Configuration '{Config.TopologyAutoTaskHooks}': type '{name}' was not found.");
            var hook = Activator.CreateInstance(type) as ITaskHook
                ?? throw new InvalidTopologyException($"Configuration '{Config.TopologyAutoTaskHooks}': '{name}' does not implement {nameof(ITaskHook)}.");
            context.AddTaskHook(hook);
        }
    }
}
