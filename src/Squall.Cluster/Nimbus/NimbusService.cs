using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Squall.Cluster.Api;
using Squall.Cluster.Configuration;
using Squall.Cluster.Packaging;
using Squall.Cluster.State;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// What the HTTP API does: each write checks leadership, validates, writes the topology record to ZooKeeper
/// and wakes the reconciler, which derives the assignments. Writes are serialized by one lock so two
/// submits of one name cannot both succeed.
/// </summary>
internal sealed partial class NimbusService(NimbusOptions options, ClusterStateStore store, PackageStore packages, PackageValidator validator, NimbusInfo self) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public Func<bool> IsLeader { get; set; } = () => false;

    public Func<Task<NimbusInfo?>> Leader { get; set; } = () => Task.FromResult<NimbusInfo?>(null);

    /// <summary>Set by the daemon: a topology's components as its workers report them (null before any report).</summary>
    public Func<string, List<string>?> ComponentsOf { get; set; } = _ => null;

    /// <summary>Set by the daemon: asks the leader loop to reconcile now.</summary>
    public Action Reconcile { get; set; } = () => { };

    public async Task<TopologyOperationResult> SubmitAsync(string? name, Dictionary<string, string> conf, PackageUpload package, CancellationToken cancel)
    {
        await RequireLeaderAsync();
        if (string.IsNullOrEmpty(name))
        {
            throw new ApiException(400, "missing name", "Say the topology's name: POST /api/v1/topology?name=NAME.");
        }

        if (!NamePattern().IsMatch(name))
        {
            throw new ApiException(400, "invalid name", $"'{name}' is not a valid topology name (letters, digits, '.', '_', '-'; at most 100).");
        }

        await EnsureNameFreeAsync(name, cancel); // fail fast, before running the user's code

        // The workers' ZooKeeper identity: the submitter's (Storm's key) or, below, a fresh one; never kept in the config others read.
        var givenWorkerAuth = conf.Remove(Configuration.ClusterKeys.ZooKeeperTopologyAuthPayload, out var given) ? given : null;
        conf.Remove(Configuration.ClusterKeys.ZooKeeperTopologyAuthScheme);
        if (givenWorkerAuth is not null && givenWorkerAuth.IndexOf(':', StringComparison.Ordinal) <= 0)
        {
            throw new ApiException(400, "invalid configuration", $"{Configuration.ClusterKeys.ZooKeeperTopologyAuthPayload} must look like user:password.");
        }

        var sourceType = await validator.ValidateAsync(package.Path, conf, cancel);
        await _writeLock.WaitAsync(cancel);
        try
        {
            await EnsureNameFreeAsync(name, cancel);
            var now = options.Time.GetUtcNow();
            var id = $"{name}-{now.ToUnixTimeSeconds()}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
            packages.Adopt(id, package);
            await store.AddPackageHolderAsync(id, self.Id, cancel);
            conf[Config.TopologyName] = name;
            var workerAuth = givenWorkerAuth ?? $"{id}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))}";
            await store.PutTopologyAsync(
                new TopologyRecord
                {
                    Id = id,
                    Name = name,
                    PackageHash = package.Hash,
                    PackageSize = package.Size,
                    SourceType = sourceType,
                    Conf = conf,
                    Status = TopologyStatus.Active,
                    Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    WorkerZooKeeperAuth = workerAuth,
                    SubmittedAt = now,
                },
                cancel);
            Reconcile();
            return new TopologyOperationResult("submit", id, "success");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<TopologyOperationResult> KillAsync(string idOrName, int waitSecs, CancellationToken cancel) =>
        UpdateAsync("kill", idOrName, t => t with
        {
            Status = TopologyStatus.Killed,
            DueAt = options.Time.GetUtcNow().AddSeconds(waitSecs >= 0 ? waitSecs : MessageTimeout(t)),
        }, cancel);

    public Task<TopologyOperationResult> ActivateAsync(string idOrName, CancellationToken cancel) =>
        UpdateAsync("activate", idOrName, t => SetStatus(t, TopologyStatus.Active), cancel);

    public Task<TopologyOperationResult> DeactivateAsync(string idOrName, CancellationToken cancel) =>
        UpdateAsync("deactivate", idOrName, t => SetStatus(t, TopologyStatus.Inactive), cancel);

    public Task<TopologyOperationResult> RebalanceAsync(string idOrName, int waitSecs, RebalanceOptionsBody body, CancellationToken cancel)
    {
        if (body.NumWorkers is < 1 || (body.Executors ?? []).Any(e => e.Value < 1))
        {
            throw new ApiException(400, "invalid rebalance", "Worker and executor counts must be at least 1.");
        }

        return UpdateAsync("rebalance", idOrName, t => t with
        {
            Status = TopologyStatus.Rebalancing,
            ResumeStatus = t.Status == TopologyStatus.Rebalancing ? t.ResumeStatus : t.Status,
            DueAt = options.Time.GetUtcNow().AddSeconds(waitSecs >= 0 ? waitSecs : MessageTimeout(t)),
            RebalanceWorkers = body.NumWorkers,
            RebalanceExecutors = body.Executors,
        }, cancel);
    }

    /// <summary>Storm's debug action: sets the topology's (or a component's) sampling switch; workers follow through the assignment.</summary>
    public Task<TopologyOperationResult> DebugAsync(string idOrName, string? component, Runtime.EventLogging.SamplingSetting setting, CancellationToken cancel)
    {
        if (Runtime.EventLogging.DebugOptions.CheckPercent(setting.SamplingPct) is { } problem)
        {
            throw new ApiException(400, "invalid debug", problem);
        }

        return UpdateAsync("debug", idOrName, t =>
        {
            if (t.Conf.TryGetValue(Config.TopologyEventLoggerExecutors, out var loggers) && loggers == "0")
            {
                throw new ApiException(400, "event logging off", $"Topology '{t.Name}' runs without an event logger ({Config.TopologyEventLoggerExecutors} is 0), so debug cannot be switched on.");
            }

            if (component is not null)
            {
                RequireComponent(t, component);
            }

            return t with { Debug = (t.Debug ?? Runtime.EventLogging.DebugOptions.Off).With(component, setting) };
        }, cancel);
    }

    /// <summary>
    /// Nimbus keeps no copy of the topology's structure (the package is built in a child process at submit), so
    /// components are checked against what the workers report; before the first report, the request is refused
    /// as "try again" rather than accepted unchecked.
    /// </summary>
    private void RequireComponent(TopologyRecord topology, string component)
    {
        var components = ComponentsOf(topology.Id)
            ?? throw new ApiException(409, "components not known yet", $"No worker of topology '{topology.Name}' has reported yet, so component '{component}' cannot be checked; try again once it runs.");
        if (!components.Contains(component, StringComparer.Ordinal))
        {
            throw new ApiException(404, "unknown component", $"Topology '{topology.Name}' has no component '{component}' (it has: {string.Join(", ", components)}).");
        }
    }

    public async Task<TopologyRecord> FindAsync(string idOrName, CancellationToken cancel) =>
        (await store.ReadTopologiesAsync(cancel)).FirstOrDefault(t => t.Id == idOrName || t.Name == idOrName)
        ?? throw new ApiException(404, "unknown topology", $"No topology named or with id '{idOrName}'.");

    private static TopologyRecord SetStatus(TopologyRecord topology, TopologyStatus status) => topology.Status switch
    {
        TopologyStatus.Killed => throw new ApiException(409, "topology killed", $"'{topology.Name}' is being killed."),
        TopologyStatus.Rebalancing => topology with { ResumeStatus = status },
        _ => topology with { Status = status },
    };

    private static int MessageTimeout(TopologyRecord topology) =>
        topology.Conf.TryGetValue(Config.TopologyMessageTimeoutSecs, out var v) && int.TryParse(v, out var secs) ? secs : (int)Config.GetDefault(Config.TopologyMessageTimeoutSecs)!;

    private async Task<TopologyOperationResult> UpdateAsync(string operation, string idOrName, Func<TopologyRecord, TopologyRecord> change, CancellationToken cancel)
    {
        await RequireLeaderAsync();
        await _writeLock.WaitAsync(cancel);
        try
        {
            var topology = await FindAsync(idOrName, cancel);
            if (topology.Status == TopologyStatus.Killed && operation != "kill")
            {
                throw new ApiException(409, "topology killed", $"'{topology.Name}' is being killed.");
            }

            await store.PutTopologyAsync(change(topology), cancel);
            Reconcile();
            return new TopologyOperationResult(operation, topology.Id, "success");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task EnsureNameFreeAsync(string name, CancellationToken cancel)
    {
        if ((await store.ReadTopologiesAsync(cancel)).Any(t => t.Name == name))
        {
            throw new ApiException(409, "name in use", $"A topology named '{name}' is already running; kill it first or choose another --name.");
        }
    }

    private async Task RequireLeaderAsync()
    {
        if (!IsLeader())
        {
            var leader = await Leader();
            throw new ApiException(503, "not the leader", $"This Nimbus ({self.Id}) is not the leader{(leader is null ? "; no leader is elected yet" : $"; the leader is {leader.Id}")}.");
        }
    }

    public void Dispose() => _writeLock.Dispose();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex NamePattern();
}
