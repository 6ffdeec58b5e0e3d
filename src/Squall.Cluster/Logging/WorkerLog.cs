using Microsoft.Extensions.Logging;

namespace Squall.Cluster.Logging;

/// <summary>
/// A worker's log events (<c>squall worker</c>), source-generated. Every event of a worker is written inside a
/// scope naming its topology and port; events about a task add the component and task, so a line in
/// <c>worker.log</c> says where it came from without parsing its text.
/// </summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "not starting: {Reason}")]
    public static partial void NotStarting(ILogger logger, string reason);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "worker {Index}/{Count} of {TopologyId} epoch {Epoch} running on port {Port} ({State})")]
    public static partial void Running(ILogger logger, int index, int count, string topologyId, long epoch, int port, string state);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "stopping: {Reason}")]
    public static partial void Stopping(ILogger logger, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "{State}")]
    public static partial void ActivationChanged(ILogger logger, string state);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "debug options changed: {Debug}")]
    public static partial void DebugChanged(ILogger logger, string debug);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "could not read the assignment: {Problem}")]
    public static partial void AssignmentUnreadable(ILogger logger, string problem);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "stopping: the supervisor has been gone for more than {Seconds:F0} s ({Key})")]
    public static partial void Orphaned(ILogger logger, double seconds, string key);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "task error")]
    public static partial void TaskError(ILogger logger, Exception error);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "{Line}")]
    public static partial void TopologyDebug(ILogger logger, string line);

    [LoggerMessage(EventId = 109, Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void Warning(ILogger logger, string warning);

    /// <summary>The scope of every event of a worker: its topology and port.</summary>
    public static IDisposable? BeginWorkerScope(ILogger logger, string topologyId, int port) =>
        logger.BeginScope(new Dictionary<string, object?> { ["topology"] = topologyId, ["port"] = port });

    /// <summary>
    /// A task's error, in the scope of its component and task. It is reported on the executor's thread, which
    /// inherited the worker's scope (topology, port) when the worker started it.
    /// </summary>
    public static void ComponentError(ILogger logger, Runtime.ComponentError error)
    {
        using (logger.BeginScope(new Dictionary<string, object?> { ["component"] = error.ComponentId, ["task"] = error.TaskId }))
        {
            TaskError(logger, error.Error);
        }
    }
}
