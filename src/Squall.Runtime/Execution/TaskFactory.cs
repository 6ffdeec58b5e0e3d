using Squall.Runtime.Routing;

namespace Squall.Runtime.Execution;

/// <summary>Creates a worker's task runners: instantiates the user's component, wires its collector and routes.</summary>
internal static class TaskFactory
{
    public static TaskRunner Create(WorkerContext worker, int taskId, IReadOnlyList<int> workerTasks)
    {
        var layout = worker.Layout;
        var componentId = layout.ComponentOfTask[taskId];
        if (componentId == Constants.AckerComponentId)
        {
            return new AckerTask(worker, taskId);
        }

        var component = layout.Topology.ById[componentId];
        var conf = worker.Conf.With(component.Configuration);
        var context = new TopologyContext(layout, worker.TopologyId, taskId, workerTasks);
        var instance = Adapters.ComponentAdapters.Adapt(component.Factory(), component, worker.Time);
        var routes = RouteBuilder.Build(layout, component, context);
        switch (instance)
        {
            case ISpout spout:
            {
                var task = new SpoutTask(worker, component, spout, conf, context);
                context.Mailbox = task.Mailbox;
                task.Bind(new Emitter(task, component, routes, task.Metrics));
                return task;
            }

            case IBolt bolt:
            {
                var task = new BoltTask(worker, component, bolt, conf, context);
                context.Mailbox = task.Mailbox;
                task.Bind(new Emitter(task, component, routes, task.Metrics));
                return task;
            }

            default:
                throw new InvalidTopologyException($"Component '{componentId}': its factory returned {instance.GetType().Name}, neither a spout nor a bolt.");
        }
    }
}
