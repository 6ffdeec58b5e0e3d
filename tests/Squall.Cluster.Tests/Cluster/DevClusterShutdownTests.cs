using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Squall.Cluster.Tests.Infrastructure;
using Squall.ChildProcesses;

namespace Squall.Cluster.Tests.Cluster;

/// <summary>
/// <c>squall dev-cluster</c> as a real process: however it ends, ZooKeeper and the workers it started end with it,
/// and its ports are free again. kill -9 runs none of its cleanup code, so only the orphan guards can explain it.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class DevClusterShutdownTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _dir = Directory.CreateTempSubdirectory("squall-dev-cluster-test-").FullName;
    private readonly int _zooKeeperPort = ServerProcess.FreeLoopbackPort();
    private readonly int _nimbusPort = ServerProcess.FreeLoopbackPort();
    private readonly int[] _slotPorts = [ServerProcess.FreeLoopbackPort(), ServerProcess.FreeLoopbackPort()];

    [Fact]
    public async Task Kill_9_of_the_dev_cluster_leaves_no_zookeeper_or_worker_running_and_frees_its_ports()
    {
        await using var cluster = await StartWithWorkersAsync();
        var children = Descendants(cluster.Pid);

        await cluster.KillAsync();

        await ShouldAllEndAsync(children, cluster);
    }

    [Fact]
    public async Task Sigterm_stops_the_dev_cluster_zookeeper_and_the_workers()
    {
        await using var cluster = await StartWithWorkersAsync();
        var children = Descendants(cluster.Pid);

        Signals.Send(cluster.Pid, Signals.Term).ShouldBeTrue();

        // "A few seconds" on a quiet machine; the limit is generous because six builds share two cores.
        await Wait.UntilAsync(() => cluster.HasExited, TimeSpan.FromSeconds(60), () => "the dev cluster exits on SIGTERM\n" + cluster.Output);
        await ShouldAllEndAsync(children, cluster);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private async Task<DaemonProcess> StartWithWorkersAsync()
    {
        var cluster = DaemonProcess.Start(
            "dev-cluster",
            _dir,
            "dev-cluster", "--no-drpc", "--supervisors", "1",
            "-c", $"storm.zookeeper.port={_zooKeeperPort}",
            "-c", $"nimbus.http.port={_nimbusPort}",
            "-c", $"supervisor.slots.ports=[{string.Join(',', _slotPorts)}]",
            "-c", $"storm.local.dir={Path.Combine(_dir, "local")}",
            "-c", "logviewer.port=0",
            // Far beyond the test's patience: a worker that ends in time was ended by its guard, not by its own orphan check.
            "-c", "worker.orphan.timeout.secs=3600");
        try
        {
            await Wait.UntilAsync(() => cluster.Output.Contains("dev cluster ready", StringComparison.Ordinal) || cluster.HasExited, Patience, () => "the dev cluster starts\n" + cluster.Output);
            cluster.HasExited.ShouldBeFalse(cluster.Output);
            var run = new WordCountRun(_dir, sentences: 100_000);
            var (exit, output) = await DaemonProcess.RunAsync(_dir, run.SubmitArgs("words", workers: 2, rate: 50));
            exit.ShouldBe(0, output);
            await Wait.UntilAsync(() => Workers(cluster.Pid) == 2, Patience, () => "both workers run\n" + cluster.Output);
            Descendants(cluster.Pid).ShouldContain(pid => CommandLine(pid).Contains("QuorumPeerMain", StringComparison.Ordinal), "ZooKeeper is the dev cluster's child");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task ShouldAllEndAsync(List<int> children, DaemonProcess cluster)
    {
        children.Count.ShouldBeGreaterThanOrEqualTo(3, "ZooKeeper and two workers (and their guards)");
        await Wait.UntilAsync(() => children.All(pid => !IsAlive(pid)), Patience, () => $"every child ends: still running {string.Join(", ", children.Where(IsAlive).Select(pid => $"{pid} {CommandLine(pid)}"))}\n{cluster.Output}");
        int[] ports = [_zooKeeperPort, _nimbusPort, .. _slotPorts];
        await Wait.UntilAsync(() => ports.All(IsFree), Patience, () => $"ports free: {string.Join(", ", ports.Where(p => !IsFree(p)))} still taken");
    }

    private static int Workers(int pid) => Descendants(pid).Count(p => CommandLine(p).Contains(" worker ", StringComparison.Ordinal));

    /// <summary>Every process below <paramref name="root"/>, by the parent pids in /proc.</summary>
    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && ParentOf(dir) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var (child, parent) in parents)
            {
                if (parent == next)
                {
                    found.Add(child);
                    frontier.Enqueue(child);
                }
            }
        }

        return found;
    }

    private static int? ParentOf(string procDir)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText(Path.Combine(procDir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // ended meanwhile
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Running, not a zombie: a child whose parent died is reaped by whoever adopts it, maybe later.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
