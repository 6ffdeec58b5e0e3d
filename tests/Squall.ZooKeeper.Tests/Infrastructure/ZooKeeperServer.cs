using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Squall.ZooKeeper.Tests.Infrastructure;

/// <summary>
/// A real, standalone ZooKeeper server for tests: a JVM started on a free loopback port with a generated
/// zoo.cfg and a temporary data directory, ready once it answers <c>ruok</c> with <c>imok</c>, stopped by
/// pid. Self-contained so it can move to a shared test kit.
/// Locating ZooKeeper: <c>ZOOKEEPER_CLASSPATH</c> (a Java classpath) if set; else <c>ZOOKEEPER_HOME</c>
/// (an Apache tarball: its jars and lib/); else Debian's <c>/usr/share/java/zookeeper.jar</c>, whose
/// manifest names its dependencies. Java: <c>JAVA_HOME</c>/bin/java, else <c>java</c> on PATH.
/// </summary>
public sealed class ZooKeeperServer : IAsyncDisposable
{
    private const string MainClass = "org.apache.zookeeper.server.quorum.QuorumPeerMain";
    private const string DebianJar = "/usr/share/java/zookeeper.jar";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _directory;
    private readonly int _tickTimeMs;
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <param name="tickTimeMs">ZooKeeper's tick; sessions may last 2 to 120 ticks here (minimum one second).</param>
    public ZooKeeperServer(int tickTimeMs = 500)
    {
        _tickTimeMs = tickTimeMs;
        Port = FreeLoopbackPort();
        _directory = Path.Combine(Path.GetTempPath(), "squall-zk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_directory, "data"));
    }

    /// <summary>Fixed for the server's lifetime, so a restart comes back on the same address.</summary>
    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<ZooKeeperServer> StartNewAsync(int tickTimeMs = 500)
    {
        var server = new ZooKeeperServer(tickTimeMs);
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var config = Path.Combine(_directory, "zoo.cfg");
        await File.WriteAllTextAsync(config, $"""
            tickTime={_tickTimeMs}
            dataDir={Path.Combine(_directory, "data")}
            clientPort={Port}
            clientPortAddress=127.0.0.1
            minSessionTimeout={Math.Max(1000, 2 * _tickTimeMs)}
            maxSessionTimeout={120 * _tickTimeMs}
            maxClientCnxns=0
            admin.enableServer=false
            4lw.commands.whitelist=ruok,srvr,stat

            """);

        var start = new ProcessStartInfo(FindJava())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A small, quick-starting JVM: tests share a machine. forceSync=no skips fsync (a test needs no durability
        // beyond the OS cache, which survives killing the process).
        foreach (var argument in new[]
                 {
                     "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                     "-Dzookeeper.forceSync=no", $"-Dzookeeper.log.dir={_directory}",
                     "-cp", FindClasspath(), MainClass, config,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        lock (_output)
        {
            _output.Clear();
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        // A test run that ends without disposing the server (a crash, a cancelled run) must not leave the JVM behind.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        await WaitUntilServingAsync(process);
    }

    /// <summary>Kills the server process by pid (as a crash would) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    /// <summary>True if a server on <paramref name="port"/> answers <c>ruok</c> with <c>imok</c>.</summary>
    public static async Task<bool> IsOkAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("ruok"u8.ToArray(), timeout.Token);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            return await reader.ReadToEndAsync(timeout.Token) == "imok";
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process?.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task WaitUntilServingAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (!await IsOkAsync(Port))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                var exited = process.HasExited;
                await StopAsync(); // also drains the output of an exited process
                string output;
                lock (_output)
                {
                    output = _output.ToString();
                }

                throw new InvalidOperationException(
                    $"ZooKeeper did not answer 'ruok' on port {Port} within {StartTimeout} " +
                    $"({(exited ? "the process exited" : "killed it")}). Command: {process.StartInfo.FileName} " +
                    $"{string.Join(' ', process.StartInfo.ArgumentList)}\nOutput:\n{output}");
            }

            await Task.Delay(100); // polling a condition, not timing an assertion
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
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
            "ZooKeeper is not installed, and these integration tests need a real server. Install it with " +
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

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
