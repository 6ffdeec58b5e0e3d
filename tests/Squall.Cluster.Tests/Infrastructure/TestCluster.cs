using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Squall.Cluster.Supervisor;
using Squall.ZooKeeper;
using Squall.ZooKeeper.Hosting;

namespace Squall.Cluster.Tests.Infrastructure;

/// <summary>
/// A real cluster for one test: a ZooKeeper server, Nimbus and Supervisor processes of the squall executable,
/// all on free loopback ports in a temporary directory, with short timeouts. Disposing kills every process
/// it started (daemons and the workers their supervisors started) by pid and deletes the directory.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    public const string Token = "test-token-0123456789";
    public const string SupervisorToken = "test-supervisor-token-9876";
    public const string ZooKeeperCredential = "squall:test-zookeeper-password-42";
    private readonly List<DaemonProcess> _daemons = [];

    private TestCluster(ZooKeeperServer zooKeeper, int nimbuses, int supervisors, int slotsPerSupervisor)
    {
        ZooKeeper = zooKeeper;
        Dir = Directory.CreateTempSubdirectory("squall-cluster-test-").FullName;
        NimbusPorts = [.. Enumerable.Range(0, nimbuses).Select(_ => FreePort())];
        SlotPorts = [.. Enumerable.Range(0, supervisors).Select(_ => Enumerable.Range(0, slotsPerSupervisor).Select(_ => FreePort()).ToArray())];
        ConfigFile = Path.Combine(Dir, "squall.yaml");
        File.WriteAllText(ConfigFile, $"""
            storm.zookeeper.servers: ["127.0.0.1"]
            storm.zookeeper.port: {zooKeeper.Port}
            storm.zookeeper.session.timeout: 4000
            storm.zookeeper.connection.timeout: 30000
            storm.local.hostname: "127.0.0.1"
            squall.bind.host: "127.0.0.1"
            nimbus.seeds: [{string.Join(", ", NimbusPorts.Select(p => $"\"127.0.0.1:{p}\""))}]
            nimbus.supervisor.timeout.secs: 6
            nimbus.monitor.freq.secs: 1
            supervisor.monitor.frequency.secs: 0.5
            supervisor.heartbeat.frequency.secs: 1
            squall.api.token: "{Token}"
            squall.supervisor.token: "{SupervisorToken}"
            storm.zookeeper.auth.payload: "{ZooKeeperCredential}"
            nimbus.topology.build.timeout.secs: 20
            worker.orphan.timeout.secs: 5
            logviewer.port: 0

            """);
    }

    public ZooKeeperServer ZooKeeper { get; }

    public string Dir { get; }

    public string ConfigFile { get; }

    public int[] NimbusPorts { get; }

    public int[][] SlotPorts { get; }

    public Dictionary<int, DaemonProcess> Nimbuses { get; } = [];

    public Dictionary<int, DaemonProcess> Supervisors { get; } = [];

    public static async Task<TestCluster> StartAsync(int nimbuses = 1, int supervisors = 2, int slotsPerSupervisor = 2)
    {
        var cluster = new TestCluster(await ZooKeeperServer.StartNewAsync(), nimbuses, supervisors, slotsPerSupervisor);
        try
        {
            for (var i = 0; i < nimbuses; i++)
            {
                await cluster.StartNimbusAsync(i);
            }

            for (var i = 0; i < supervisors; i++)
            {
                await cluster.StartSupervisorAsync(i);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartNimbusAsync(int index)
    {
        var port = NimbusPorts[index];
        var daemon = Start($"nimbus-{index}", "nimbus", "-c", $"nimbus.http.port={port}", "-c", $"storm.local.dir={Path.Combine(Dir, $"nimbus-{index}")}");
        Nimbuses[index] = daemon;
        using var http = new HttpClient();
        await Wait.UntilAsync(
            async () =>
            {
                try
                {
                    return (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/v1/nimbus/summary"))).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return !daemon.HasExited ? false : throw new InvalidOperationException($"nimbus-{index} exited:\n{daemon.Output}");
                }
            },
            TimeSpan.FromSeconds(60),
            () => $"nimbus-{index} answers on {port}:\n{daemon.Output}");
    }

    public async Task StartSupervisorAsync(int index)
    {
        var ports = string.Join(',', SlotPorts[index]);
        var daemon = Start($"supervisor-{index}", "supervisor", "-c", $"supervisor.slots.ports=[{ports}]", "-c", $"storm.local.dir={SupervisorDir(index)}");
        Supervisors[index] = daemon;
        await Wait.UntilAsync(() => daemon.Output.Contains("Supervisor ", StringComparison.Ordinal) || daemon.HasExited, TimeSpan.FromSeconds(60), () => $"supervisor-{index} starts:\n{daemon.Output}");
        daemon.HasExited.ShouldBeFalse(daemon.Output);
    }

    public string SupervisorDir(int index) => Path.Combine(Dir, $"supervisor-{index}");

    /// <summary>Runs <c>squall ARGS --config-file squall.yaml</c> to completion.</summary>
    public Task<(int ExitCode, string Output)> CliAsync(params string[] args) => DaemonProcess.RunAsync(Dir, [.. args, "--config-file", ConfigFile]);

    /// <summary>Live worker processes, by the records their supervisors keep (slot port → pid).</summary>
    public Dictionary<int, int> WorkerPids(int? supervisor = null)
    {
        var pids = new Dictionary<int, int>();
        foreach (var index in supervisor is { } s ? [s] : Enumerable.Range(0, SlotPorts.Length))
        {
            foreach (var port in SlotPorts[index])
            {
                if (new SlotFiles(Path.Combine(SupervisorDir(index), "supervisor"), port).ReadRecord() is { } record && IsAlive(record.Pid))
                {
                    pids[port] = record.Pid;
                }
            }
        }

        return pids;
    }

    public async Task<IReadOnlyList<string>> ZooKeeperChildrenAsync(string path)
    {
        await using var zk = await ZooKeeperClient.ConnectAsync(new ZooKeeperClientOptions { ConnectionString = ZooKeeper.ConnectionString, Auth = [ZooKeeperAuth.Digest(ZooKeeperCredential)] });
        return (await zk.GetChildrenAsync("/squall" + path)).Children;
    }

    public string Logs() => string.Join("\n", _daemons.Select(d => $"--- {d.Name} ---\n{d.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var daemon in _daemons)
        {
            await daemon.DisposeAsync();
        }

        foreach (var pid in StrayProcesses())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        await ZooKeeper.DisposeAsync();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private DaemonProcess Start(string name, params string[] args)
    {
        var daemon = DaemonProcess.Start(name, Dir, [.. args, "--config-file", ConfigFile]);
        _daemons.Add(daemon);
        return daemon;
    }

    /// <summary>Workers (and anything else) whose command line mentions this cluster's directory.</summary>
    private IEnumerable<int> StrayProcesses()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId)
            {
                string cmdline;
                try
                {
                    cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                if (cmdline.Contains(Dir, StringComparison.Ordinal))
                {
                    yield return pid;
                }
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
