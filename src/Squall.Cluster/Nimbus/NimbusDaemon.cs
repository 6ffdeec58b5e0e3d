using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Squall.Cluster.Configuration;
using Squall.Cluster.State;
using Squall.Hosting;
using Squall.ZooKeeper;
using Squall.ZooKeeper.Recipes;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// A Nimbus process: serves the HTTP API, joins the leader election, and runs one loop that — on the
/// leader — reconciles ZooKeeper's assignments with what was asked, and — on every Nimbus — keeps a copy
/// of every package. It holds no state of its own beyond package files: kill it at any moment and a
/// restart (or another Nimbus) carries on from ZooKeeper.
/// </summary>
internal sealed partial class NimbusDaemon : IAsyncDisposable
{
    private readonly NimbusOptions _options;
    private readonly ZooKeeperClient _zk;
    private readonly ClusterStateStore _store;
    private readonly PackageStore _packages;
    private readonly SupervisorTracker _tracker;
    private readonly NimbusInfo _self;
    private readonly DaemonLog _log;
    private readonly Signal _wake = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _fatal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http;
    private WebApplication? _web;
    private LeaderElection? _election;
    private Task _loop = Task.CompletedTask;
    private NimbusService? _service;
    private PackageValidator? _validator;

    private NimbusDaemon(NimbusOptions options, ZooKeeperClient zk, DaemonLog log)
    {
        _options = options;
        _zk = zk;
        _log = log;
        _store = new ClusterStateStore(zk, new ClusterPaths(options.ZooKeeper.Root), options.ZooKeeper.Acl);
        _packages = new PackageStore(options.PackageDir);
        _tracker = new SupervisorTracker(options.Time, options.SupervisorTimeout);
        _self = new NimbusInfo(options.Host, options.HttpPort, options.Tls.Scheme);
        // Replication fetches packages as a supervisor would: with the cluster-internal credential, from known Nimbus processes only.
        _http = options.Tls.CreateClient(TimeSpan.FromMinutes(2), options.SupervisorToken);
        _http.MaxResponseContentBufferSize = Math.Min(options.PackageLimits.MaxPackageBytes, int.MaxValue);
    }

    /// <summary>Completes with an exception when the daemon must exit (its ZooKeeper session expired).</summary>
    public Task Fatal => _fatal.Task;

    public bool IsLeader => _election?.IsLeader ?? false;

    public static Task<NimbusDaemon> StartAsync(NimbusOptions options, DaemonLog log, CancellationToken cancel) =>
        ZooKeeperConnector.StartDaemonAsync(
            NimbusOptionsValidator.Validate(options),
            options.ZooKeeper,
            zk => new NimbusDaemon(options, zk, log),
            daemon => daemon.StartCoreAsync(cancel),
            cancel);

    private async Task StartCoreAsync(CancellationToken cancel)
    {
        _zk.StateChanged += (_, e) =>
        {
            if (e.State == ConnectionState.Expired)
            {
                // Fail fast: a Nimbus without its session may have lost the lead; a restart re-joins cleanly.
                _fatal.TrySetException(new InvalidOperationException("The ZooKeeper session expired."));
            }
        };
        await _store.EnsureLayoutAsync(cancel);
        _web = BuildWeb();
        await _web.StartAsync(cancel);
        _election = new LeaderElection(_zk, _store.Paths.Election, ClusterJson.Serialize(_self));
        _election.LeadershipChanged += (_, e) =>
        {
            if (e.IsLeader)
            {
                _tracker.BecameLeader();
                _log.Info($"{_self.Id} is now the leader");
            }

            _wake.Set();
        };
        await _election.StartAsync(cancel);
        _log.Info($"Nimbus {_self.Id} serving {_options.Tls.Scheme}://{_options.BindHost}:{_options.HttpPort}/api/v1 ({(IsLeader ? "leader" : "follower")}), ZooKeeper {_options.ZooKeeper.ConnectionString}{_options.ZooKeeper.Root}");
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    private WebApplication BuildWeb()
    {
        var builder = SquallWebHost.CreateBuilder(
            _options.BindHost,
            _options.HttpPort,
            _options.Tls.Serves ? _options.Tls.LoadServerCertificate() : null,
            NimbusApi.MaxJsonBodyBytes); // the submit call raises it for itself
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ClusterJson.Default));
        var web = builder.Build();
        _validator = new PackageValidator(_options.PackageLimits, _options.BuildTimeout);
        _service = new NimbusService(_options, _store, _packages, _validator, _self)
        {
            IsLeader = () => IsLeader,
            Leader = LeaderAsync,
            Reconcile = _wake.Set,
            ComponentsOf = _tracker.ComponentsOf,
        };
        NimbusApi.Map(web, new NimbusApiContext(_service, new NimbusQueries(_store, _tracker, _options.Time), _tracker, _packages, ApiCredentials.From(_options), _options.PackageLimits.MaxPackageBytes, _log));
        return web;
    }

    private async Task<NimbusInfo?> LeaderAsync()
    {
        var data = await LeaderElection.GetLeaderDataAsync(_zk, _store.Paths.Election);
        return data is null ? null : ClusterJson.Deserialize<NimbusInfo>(data);
    }

    private Task LoopAsync() =>
        DaemonRounds.RunAsync("Nimbus", RoundAsync, _wake, _options.MonitorPeriod, _log, _stop.Token);

    private async Task RoundAsync(CancellationToken cancel)
    {
        if (IsLeader)
        {
            await ReconcileAsync(cancel);
        }

        await ReplicateAsync(cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        if (_election is not null)
        {
            await _election.DisposeAsync();
        }

        if (_web is not null)
        {
            await SquallWebHost.StopAsync(_web);
        }

        await _zk.DisposeAsync();
        _http.Dispose();
        _service?.Dispose();
        _validator?.Dispose();
        _wake.Dispose();
        _stop.Dispose();
    }
}
