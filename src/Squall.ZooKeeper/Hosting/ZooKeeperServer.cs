using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Squall.ChildProcesses;

namespace Squall.ZooKeeper.Hosting;

/// <summary>
/// A real, standalone ZooKeeper server for tests and <c>squall dev-cluster</c>: a JVM started on a free loopback port with a generated
/// zoo.cfg and a temporary data directory, ready once it answers <c>ruok</c> with <c>imok</c>. The life cycle (stop, kill, the guard
/// that kills the JVM when this process dies) is <see cref="ServerProcess"/>'s. It lives beside the client (not in a test project)
/// because the dev cluster ships it.
/// Locating ZooKeeper: <c>ZOOKEEPER_CLASSPATH</c> (a Java classpath) if set; else <c>ZOOKEEPER_HOME</c>
/// (an Apache tarball: its jars and lib/); else Debian's <c>/usr/share/java/zookeeper.jar</c>, whose
/// manifest names its dependencies. Java: <c>JAVA_HOME</c>/bin/java, else <c>java</c> on PATH.
/// </summary>
public sealed class ZooKeeperServer : ServerProcess
{
    private const string MainClass = "org.apache.zookeeper.server.quorum.QuorumPeerMain";
    private const string DebianJar = "/usr/share/java/zookeeper.jar";

    private readonly int _tickTimeMs;

    /// <param name="tickTimeMs">ZooKeeper's tick; sessions may last 2 to 120 ticks here (minimum one second).</param>
    /// <param name="port">The client port on 127.0.0.1; 0 picks a free one.</param>
    public ZooKeeperServer(int tickTimeMs = 500, int port = 0)
        : base("zk", port)
    {
        _tickTimeMs = tickTimeMs;
    }

    /// <summary>The client's connection string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts a server and waits until it answers.</summary>
    public static async Task<ZooKeeperServer> StartNewAsync(int tickTimeMs = 500, int port = 0)
    {
        var server = new ZooKeeperServer(tickTimeMs, port);
        try
        {
            await server.StartAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True if a server on <paramref name="port"/> answers <c>ruok</c> with <c>imok</c>.</summary>
    public static async Task<bool> IsOkAsync(int port)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            return await AnswersRuokAsync(port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    protected override Task<bool> IsReadyAsync(CancellationToken cancellation) => AnswersRuokAsync(Port, cancellation);

    /// <inheritdoc />
    protected override async Task PrepareAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        await File.WriteAllTextAsync(ConfigPath, $"""
            tickTime={_tickTimeMs}
            dataDir={DataDirectory}
            clientPort={Port}
            clientPortAddress=127.0.0.1
            minSessionTimeout={Math.Max(1000, 2 * _tickTimeMs)}
            maxSessionTimeout={120 * _tickTimeMs}
            maxClientCnxns=0
            admin.enableServer=false
            4lw.commands.whitelist=ruok,srvr,stat

            """).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override ProcessStartInfo CreateStartInfo()
    {
        var start = new ProcessStartInfo(FindJava());
        // A small, quick-starting JVM: tests share a machine. forceSync=no skips fsync (a test needs no durability
        // beyond the OS cache, which survives killing the process).
        foreach (var argument in new[]
                 {
                     "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                     "-Dzookeeper.forceSync=no", $"-Dzookeeper.log.dir={DirectoryPath}",
                     "-cp", FindClasspath(), MainClass, ConfigPath,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private string DataDirectory => Path.Combine(DirectoryPath, "data");

    private string ConfigPath => Path.Combine(DirectoryPath, "zoo.cfg");

    private static async Task<bool> AnswersRuokAsync(int port, CancellationToken cancellation)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancellation).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("ruok"u8.ToArray(), cancellation).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync(cancellation).ConfigureAwait(false) == "imok";
    }

    private static string FindClasspath()
    {
        if (Environment.GetEnvironmentVariable("ZOOKEEPER_CLASSPATH") is { Length: > 0 } classpath)
        {
            return classpath;
        }

        if (Environment.GetEnvironmentVariable("ZOOKEEPER_HOME") is { Length: > 0 } home && Directory.Exists(home))
        {
            var jars = Directory.EnumerateFiles(home, "*.jar")
                .Concat(Directory.Exists(Path.Combine(home, "lib")) ? Directory.EnumerateFiles(Path.Combine(home, "lib"), "*.jar") : [])
                .ToList();
            if (jars.Count > 0)
            {
                return string.Join(Path.PathSeparator, jars);
            }
        }

        if (File.Exists(DebianJar))
        {
            return DebianJar;
        }

        throw new InvalidOperationException(
            "ZooKeeper is not installed, and a real server is needed here. Install it with " +
            "'apt-get install -y zookeeper' (Debian 12: ZooKeeper 3.8, provides /usr/share/java/zookeeper.jar), " +
            "or set ZOOKEEPER_HOME to an unpacked Apache ZooKeeper release, or ZOOKEEPER_CLASSPATH to its classpath.");
    }

    private static string FindJava()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } javaHome)
        {
            candidates.Add(Path.Combine(javaHome, "bin", "java"));
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(directory, "java"));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "No Java runtime found (JAVA_HOME or 'java' on PATH); ZooKeeper needs one: 'apt-get install -y zookeeper' pulls it in.");
    }
}
