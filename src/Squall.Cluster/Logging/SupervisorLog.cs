using Microsoft.Extensions.Logging;
using Squall.Cluster.Supervisor;

namespace Squall.Cluster.Logging;

/// <summary>A supervisor's slot events, source-generated, each in the scope of its slot's port and topology.</summary>
internal static partial class SupervisorLog
{
    /// <summary>A slot's state changed; <paramref name="epoch"/> is its assignment's (0: none).</summary>
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "slot {Port}: {From} -> {To} (epoch {Epoch})")]
    public static partial void SlotChanged(ILogger logger, int port, SlotKind from, SlotKind to, long epoch);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "slot {Port}: launched worker pid {Pid} for {TopologyId} epoch {Epoch} (restarts {Restarts})")]
    public static partial void Launched(ILogger logger, int port, int pid, string topologyId, long epoch, int restarts);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "slot {Port}: {How} worker pid {Pid}")]
    public static partial void Stopping(ILogger logger, int port, string how, int pid);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "slot {Port}: adopted running worker pid {Pid} ({TopologyId} epoch {Epoch})")]
    public static partial void Adopted(ILogger logger, int port, int pid, string topologyId, long epoch);

    /// <summary>The scope of a slot's events: its port and, when it has one, the topology it runs.</summary>
    public static IDisposable? BeginSlotScope(ILogger logger, int port, string? topologyId) =>
        logger.BeginScope(topologyId is null
            ? new Dictionary<string, object?> { ["slot"] = port }
            : new Dictionary<string, object?> { ["slot"] = port, ["topology"] = topologyId });
}
