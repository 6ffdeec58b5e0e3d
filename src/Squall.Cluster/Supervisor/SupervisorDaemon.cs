using System.Net.Http.Json;
using Squall.Cluster.Configuration;
using Squall.Cluster.State;
using Squall.ZooKeeper;
using Squall.ZooKeeper.Recipes;

namespace Squall.Cluster.Supervisor;

/// <summary>
/// A Supervisor process: registers itself (ephemeral node), watches the assignments, steps one
/// <see cref="SlotRunner"/> per port, and reports to the leader Nimbus over HTTP. Its identity lives in
/// <c>{storm.local.dir}/supervisor/id</c>, so a restart keeps its assignments and adopts its workers.
/// </summary>
internal sealed class SupervisorDaemon : IAsyncDisposable
{
    private readonly SupervisorOptions _options;
    private readonly ZooKeeperClient _zk;
    private readonly ClusterStateStore _store;
    private readonly DaemonLog _log;
    private readonly Signal _wake = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http;
    private string? _refusedLeader;
    private volatile Dictionary<string, string> _workerAuth = new(StringComparer.Ordinal);
    private readonly List<SlotRunner> _slots = [];
    private readonly PackageCache _packages;
    private LogViewer? _logViewer;
    private Task _loop = Task.CompletedTask;
    private Task _heartbeats = Task.CompletedTask;

    private SupervisorDaemon(SupervisorOptions options, ZooKeeperClient zk, DaemonLog log)
    {
        (_options, _zk, _log) = (options, zk, log);
        _store = new ClusterStateStore(zk, new ClusterPaths(options.ZooKeeper.Root), options.ZooKeeper.Acl);
        _http = options.Tls.CreateClient(TimeSpan.FromSeconds(30), options.Token);
        _http.MaxResponseContentBufferSize = Math.Min(options.PackageLimits.MaxPackageBytes, int.MaxValue);
        Directory.CreateDirectory(options.SupervisorDir);
        Id = LoadOrCreateId(options.SupervisorDir);
        _packages = new PackageCache(options.SupervisorDir, _store, _http, new PackageSources(options.Seeds, options.Tls.Scheme), options.PackageLimits, log, _wake.Set);
    }

    public string Id { get; }

    /// <summary>Completes with an exception when the daemon must exit.</summary>
    public Task Fatal => _fatal.Task;

    public static Task<SupervisorDaemon> StartAsync(SupervisorOptions options, DaemonLog log, CancellationToken cancel) =>
        ZooKeeperConnector.StartDaemonAsync(
            SupervisorOptionsValidator.Validate(options),
            options.ZooKeeper,
            zk => new SupervisorDaemon(options, zk, log),
            daemon => daemon.StartCoreAsync(cancel),
            cancel);

    private async Task StartCoreAsync(CancellationToken cancel)
    {
        await _store.EnsureLayoutAsync(cancel);
        var launcher = new WorkerLauncher(_options, Id, topologyId => _workerAuth.GetValueOrDefault(topologyId));
        var timeouts = new SlotTimeouts(_options.WorkerTimeout, _options.WorkerStartTimeout, _options.KillGrace);
        var now = _options.Time.GetUtcNow();
        foreach (var port in _options.SlotPorts)
        {
            _slots.Add(new SlotRunner(port, new SlotFiles(_options.SupervisorDir, port), timeouts, launcher, _packages, _log, now));
        }

        _zk.StateChanged += OnZooKeeperStateChanged;
        _logViewer = await LogViewer.StartAsync(_options.LogviewerHost, _options.LogviewerPort, _options.SupervisorDir, _options.SlotPorts, cancel);
        await RegisterAsync(cancel);
        SupervisorPidFile.Write(_options.SupervisorDir);
        _log.Info($"Supervisor {Id} on {_options.Host}, slots {string.Join(", ", _options.SlotPorts)}, logs on port {_logViewer.Port}, ZooKeeper {_options.ZooKeeper.ConnectionString}{_options.ZooKeeper.Root}");
        _loop = Task.Run(LoopAsync, CancellationToken.None);
        _heartbeats = Task.Run(HeartbeatLoopAsync, CancellationToken.None);
    }

    private void OnZooKeeperStateChanged(object? sender, ConnectionStateChangedEventArgs e)
    {
        if (e.State == ConnectionState.Expired)
        {
            // Workers keep running; a restarted supervisor adopts them.
            _fatal.TrySetException(new InvalidOperationException("The ZooKeeper session expired."));
        }
    }

    private async Task RegisterAsync(CancellationToken cancel)
    {
        var path = _store.Paths.Supervisor(Id);
        var info = ClusterJson.Serialize(new SupervisorInfo(Id, _options.Host, [.. _options.SlotPorts], _options.Time.GetUtcNow()) { LogPort = _logViewer?.Port ?? 0 });
        // The node of a previous, killed run of this supervisor may outlive it until its session expires.
        await _store.DeleteIfExistsAsync(path, cancel);
        await _zk.CreateWithParentsAsync(path, info, CreateMode.Ephemeral, cancel);
    }

    private Task LoopAsync() =>
        DaemonRounds.RunAsync("Supervisor", RoundAsync, _wake, _options.MonitorPeriod, _log, _stop.Token);

    private async Task RoundAsync(CancellationToken cancel)
    {
        var assignments = await _store.ReadAssignmentsAsync(_wake.SetAsync, cancel);
        _workerAuth = assignments.Values.Where(a => a.WorkerZooKeeperAuth is not null).ToDictionary(a => a.TopologyId, a => a.WorkerZooKeeperAuth!, StringComparer.Ordinal);
        var desired = new Dictionary<int, SlotAssignment>();
        foreach (var a in assignments.Values)
        {
            for (var i = 0; i < a.Slots.Count; i++)
            {
                if (a.Slots[i].SupervisorId == Id)
                {
                    // The worker's own epoch: a slot elsewhere moving leaves this worker as it is.
                    desired[a.Slots[i].Port] = new SlotAssignment(a.TopologyId, a.EpochOf(i), a.PackageHash);
                }
            }
        }

        var now = _options.Time.GetUtcNow();
        foreach (var slot in _slots)
        {
            slot.Step(desired.GetValueOrDefault(slot.Port), now);
        }

        _packages.Retain(_slots.Select(s => s.State.Current).Concat(desired.Values).OfType<SlotAssignment>().Select(_packages.DirOf).ToHashSet(StringComparer.Ordinal));
    }

    private async Task HeartbeatLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var data = await LeaderElection.GetLeaderDataAsync(_zk, _store.Paths.Election, _stop.Token);
                if (data is not null)
                {
                    var leader = ClusterJson.Deserialize<NimbusInfo>(data);
                    if (!_options.Seeds.Contains(leader.Id))
                    {
                        // Whoever can write ZooKeeper could name any address as leader: the credential goes to configured Nimbus processes only.
                        if (_refusedLeader != leader.Id)
                        {
                            _log.Warn($"the leader named in ZooKeeper, {leader.Id}, is not in nimbus.seeds ({string.Join(", ", _options.Seeds.Addresses)}); no heartbeat sent to it");
                            _refusedLeader = leader.Id;
                        }

                        throw new HttpRequestException("unknown leader");
                    }

                    var beat = new SupervisorHeartbeat(Id, _options.Host, [.. _options.SlotPorts], [.. _slots.Select(s => s.LatestHeartbeat).OfType<WorkerHeartbeat>()]);
                    using var response = await _http.PostAsJsonAsync(new Uri($"{_options.Tls.Scheme}://{leader.Id}/api/v1/supervisor/heartbeat"), beat, ClusterJson.Default.SupervisorHeartbeat, _stop.Token);
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or ZooKeeperException or TaskCanceledException)
            {
                // Nimbus down: workers keep running; the next beat tries again.
            }

            try
            {
                await Task.Delay(_options.HeartbeatPeriod, _options.Time, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private static string LoadOrCreateId(string dir)
    {
        var path = Path.Combine(dir, "id");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var id = Guid.NewGuid().ToString("N")[..12];
        SlotFiles.WriteAtomically(path, System.Text.Encoding.UTF8.GetBytes(id));
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loop, _heartbeats);
        if (_options.KillWorkersOnExit)
        {
            await Task.WhenAll(_slots.Select(s => s.KillAsync()));
        }

        _zk.StateChanged -= OnZooKeeperStateChanged;
        if (_logViewer is not null)
        {
            await _logViewer.DisposeAsync();
        }

        await _zk.DisposeAsync();
        _http.Dispose();
        _wake.Dispose();
        _stop.Dispose();
    }
}
