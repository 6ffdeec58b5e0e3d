using Microsoft.Extensions.Logging;
using Squall.Cluster.Configuration;
using Squall.Cluster.Logging;
using Squall.Cluster.Packaging;
using Squall.Cluster.State;
using Squall.Cluster.Supervisor;
using Squall.Runtime;

namespace Squall.Cluster.Worker;

/// <summary>
/// <c>squall worker</c>: loads the topology package in its own load context, rebuilds the topology with the
/// assignment's config, runs this worker's share of it through the runtime's <see cref="Runtime.Worker"/>,
/// heartbeats to its supervisor through the slot's heartbeat file, and follows the assignment in ZooKeeper:
/// activation toggles the spouts; a new epoch, or no assignment, or no slot for it, stops it (epoch fencing).
/// </summary>
internal sealed class WorkerHost(WorkerHostOptions options, DaemonLog log) : IDisposable
{
    private readonly Signal _wake = new();
    private readonly List<string> _errors = [];
    private readonly ILogger _log = log.Logger;

    public void Dispose() => _wake.Dispose();

    /// <summary>Runs until fenced or cancelled (SIGTERM); returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancel)
    {
        // Threads the worker starts below inherit this scope (the execution context flows into them).
        using var scope = WorkerLog.BeginWorkerScope(_log, options.TopologyId, options.Port);
        await using var zk = await ZooKeeperConnector.ConnectAsync(options.ZooKeeper, cancel);
        var store = new ClusterStateStore(zk, new ClusterPaths(options.ZooKeeper.Root));
        var assignment = await store.ReadAssignmentAsync(options.TopologyId, _wake.SetAsync, cancel);
        if (Fenced(assignment) is { } reason)
        {
            WorkerLog.NotStarting(_log, reason);
            return 0;
        }

        var index = assignment!.IndexOf(options.SupervisorId, options.Port);
        var conf = new Config(assignment.Conf.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
        var source = TopologyLoader.LoadPackage(options.PackageDir, PackageArchive.ReadManifest(options.PackageDir));
        var topology = source.Build(conf);
        await using var worker = Runtime.Worker.Create(new WorkerOptions
        {
            TopologyId = options.TopologyId,
            Conf = conf,
            Topology = topology,
            WorkerIndex = index,
            WorkerCount = assignment.Slots.Count,
            Secret = Convert.FromBase64String(assignment.Secret),
            Epoch = options.Epoch,
            OnWarning = w => WorkerLog.Warning(_log, w),
            Log = line => WorkerLog.TopologyDebug(_log, line),
            BindHost = options.BindHost,
            Port = options.Port,
            Time = options.Time,
            OnError = OnError,
        });
        worker.Debug = assignment.Debug ?? Runtime.EventLogging.DebugOptions.Off;
        worker.Start(Endpoints(assignment), assignment.Active, Epochs(assignment));
        WorkerLog.Running(_log, index + 1, assignment.Slots.Count, options.TopologyId, options.Epoch, options.Port, assignment.Active ? "active" : "inactive");
        await FollowAsync(store, worker, assignment, cancel);
        return 0;
    }

    private async Task FollowAsync(ClusterStateStore store, Runtime.Worker worker, Assignment started, CancellationToken cancel)
    {
        var (active, peers) = (started.Active, Peers(started));
        var nextPoll = options.Time.GetUtcNow() + options.AssignmentPollPeriod;
        var supervisorSeen = options.Time.GetUtcNow();
        var wait = Task.CompletedTask;
        while (!cancel.IsCancellationRequested)
        {
            WriteHeartbeat(worker);
            if (options.SupervisorPidFile is { } pidFile)
            {
                if (Supervisor.SupervisorPidFile.IsAlive(pidFile))
                {
                    supervisorSeen = options.Time.GetUtcNow();
                }
                else if (options.Time.GetUtcNow() - supervisorSeen > options.OrphanTimeout)
                {
                    WorkerLog.Orphaned(_log, options.OrphanTimeout.TotalSeconds, ClusterKeys.WorkerOrphanTimeoutSecs);
                    return;
                }
            }

            if (wait.IsCompleted || options.Time.GetUtcNow() >= nextPoll)
            {
                nextPoll = options.Time.GetUtcNow() + options.AssignmentPollPeriod;
                try
                {
                    var assignment = await store.ReadAssignmentAsync(options.TopologyId, _wake.SetAsync, cancel);
                    if (Fenced(assignment) is { } reason)
                    {
                        WorkerLog.Stopping(_log, reason);
                        return;
                    }

                    if (Peers(assignment!) is var moved && !moved.SequenceEqual(peers))
                    {
                        // Another worker's supervisor was lost and its slot moved: this one kept its place and keeps running.
                        peers = moved;
                        worker.UpdatePeers(Endpoints(assignment!), Epochs(assignment!));
                        log.Info($"peers moved: {string.Join(", ", moved.Select(p => $"{p.Host}:{p.Port} epoch {p.Epoch}"))}");
                    }

                    if (assignment!.Active != active)
                    {
                        active = assignment.Active;
                        (active ? (Action)worker.Activate : worker.Deactivate)();
                        WorkerLog.ActivationChanged(_log, active ? "activated" : "deactivated");
                    }

                    if (!Equals(worker.Debug, assignment.Debug ?? Runtime.EventLogging.DebugOptions.Off))
                    {
                        worker.Debug = assignment.Debug ?? Runtime.EventLogging.DebugOptions.Off;
                        var described = Describe(worker.Debug); // rare: worth no guard
                        WorkerLog.DebugChanged(_log, described);
                    }
                }
                catch (ZooKeeper.ZooKeeperException e) when (!cancel.IsCancellationRequested)
                {
                    // ZooKeeper unreachable: keep running on the assignment we have.
                    WorkerLog.AssignmentUnreadable(_log, e.Message);
                }

                wait = _wake.WaitAsync(Timeout.InfiniteTimeSpan, cancel);
            }

            await Task.WhenAny(wait, Task.Delay(options.HeartbeatPeriod, options.Time, cancel)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Why this worker must stop: its topology is gone, its slot is, or its slot's epoch moved on (it was replaced).</summary>
    private string? Fenced(Assignment? assignment) =>
        assignment is null ? "the topology has no assignment (killed)"
        : assignment.IndexOf(options.SupervisorId, options.Port) is var index && index < 0 ? "this slot is no longer assigned"
        : assignment.EpochOf(index) != options.Epoch ? $"this slot moved to epoch {assignment.EpochOf(index)} (this worker is epoch {options.Epoch})"
        : null;

    private static string Describe(Runtime.EventLogging.DebugOptions debug) =>
        string.Join(", ", new[] { debug.Topology is { } t ? $"topology {(t.Enabled ? $"{t.SamplingPct} %" : "off")}" : null }
            .Concat(debug.Components.Select(c => $"{c.Key} {(c.Value.Enabled ? $"{c.Value.SamplingPct} %" : "off")}"))
            .OfType<string>()
            .DefaultIfEmpty("off"));

    private static List<(string Host, int Port)> Endpoints(Assignment assignment) => [.. assignment.Slots.Select(s => (s.Host, s.Port))];

    private static List<long> Epochs(Assignment assignment) => [.. assignment.Slots.Select((_, i) => assignment.EpochOf(i))];

    private static List<(string Host, int Port, long Epoch)> Peers(Assignment assignment) => [.. assignment.Slots.Select((s, i) => (s.Host, s.Port, assignment.EpochOf(i)))];

    private void OnError(ComponentError error)
    {
        WorkerLog.ComponentError(_log, error);
        lock (_errors)
        {
            _errors.Add($"{error.Time:O} {error.ComponentId}:{error.TaskId} {error.Error.GetType().Name}: {error.Error.Message}");
            if (_errors.Count > 20)
            {
                _errors.RemoveAt(0);
            }
        }
    }

    private void WriteHeartbeat(Runtime.Worker worker)
    {
        List<string> errors;
        lock (_errors)
        {
            errors = [.. _errors];
        }

        var beat = new WorkerHeartbeat
        {
            TopologyId = options.TopologyId,
            Epoch = options.Epoch,
            Port = options.Port,
            Pid = Environment.ProcessId,
            Time = options.Time.GetUtcNow(),
            Stats = [.. worker.GetStats().Select(ComponentStatsDto.From)],
            Errors = errors,
            Report = worker.GetStatsReport(),
        };
        SlotFiles.WriteAtomically(Path.Combine(options.SlotDir, "heartbeat.json"), ClusterJson.Serialize(beat));
    }
}
