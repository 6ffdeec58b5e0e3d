using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Squall.ChildProcesses;

namespace Squall.Testing.Servers;

/// <summary>
/// A real RabbitMQ broker for tests: Debian's <c>rabbitmq-server</c> run in the foreground (the pid held is the Erlang VM's)
/// on a free loopback port, its database, logs, config and Erlang cookie in a temporary directory (the cookie in a temporary
/// HOME), a unique node name, and its own <c>epmd</c> on another free loopback port, started and stopped by pid with it, so
/// nothing is shared with another broker on the machine and no daemon is left behind. Ready once it answers the AMQP 0-9-1
/// protocol header with Connection.Start. The default <c>guest</c>/<c>guest</c> user works from loopback.
/// </summary>
/// <remarks>
/// <c>rabbitmq-server</c> is taken from <c>RABBITMQ_SERVER</c> if set, else Debian's <c>/usr/lib/rabbitmq/bin/rabbitmq-server</c>
/// (package <c>rabbitmq-server</c>). A restart after <see cref="ServerProcess.KillAsync"/> keeps the node's database, so durable
/// queues and persistent messages come back, as they would for a crashed broker.
/// </remarks>
public sealed class RabbitMqServer : ServerProcess
{
    private const string DebianScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private readonly int _distributionPort = FreeLoopbackPort();
    private readonly int _epmdPort = FreeLoopbackPort();
    private readonly string _node = $"squall-{Guid.NewGuid():N}@localhost";
    private Process? _epmd;

    private RabbitMqServer(int port)
        : base("rabbitmq", port)
    {
    }

    /// <summary>An AMQP URI for the guest user on this broker.</summary>
    public Uri AmqpUri => new($"amqp://guest:guest@127.0.0.1:{Port}/");

    /// <summary>Starts a broker; disposes it if the start fails.</summary>
    /// <param name="port">0 picks a free port.</param>
    public static async Task<RabbitMqServer> StartNewAsync(int port = 0)
    {
        var server = new RabbitMqServer(port);
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

    /// <inheritdoc />
    protected override async Task PrepareAsync()
    {
        var cookie = Path.Combine(DirectoryPath, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            await File.WriteAllTextAsync(cookie, Guid.NewGuid().ToString("N")).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(cookie, UnixFileMode.UserRead); // Erlang refuses a cookie others can read
            }

            await File.WriteAllTextAsync(Path.Combine(DirectoryPath, "rabbitmq.conf"), $"listeners.tcp.default = 127.0.0.1:{Port}\n").ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(DirectoryPath, "enabled_plugins"), "[].\n").ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(DirectoryPath, "rabbitmq-env.conf"), string.Empty).ConfigureAwait(false);
        }

        if (_epmd is { HasExited: false })
        {
            return;
        }

        // Our own epmd in the foreground: otherwise the first Erlang VM would start a shared `epmd -daemon` on 0.0.0.0:4369.
        var epmd = new ProcessStartInfo(FindEpmd()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-port", Text(_epmdPort), "-address", "127.0.0.1" })
        {
            epmd.ArgumentList.Add(argument);
        }

        _epmd = Process.Start(epmd) ?? throw new InvalidOperationException("Could not start epmd.");
        _epmd.BeginOutputReadLine();
        _epmd.BeginErrorReadLine();
    }

    /// <inheritdoc />
    protected override ProcessStartInfo CreateStartInfo()
    {
        var start = new ProcessStartInfo(FindScript());
        var environment = start.Environment;
        environment["HOME"] = DirectoryPath;
        environment["RUNNING_UNDER_SYSTEMD"] = "true"; // the script execs the VM, so our pid is the broker's
        environment["ERL_EPMD_PORT"] = Text(_epmdPort);
        environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODENAME"] = _node;
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODE_PORT"] = Text(Port);
        environment["RABBITMQ_DIST_PORT"] = Text(_distributionPort);
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(DirectoryPath, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(DirectoryPath, "log");
        environment["RABBITMQ_LOGS"] = "-";
        environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(DirectoryPath, "rabbitmq-env.conf");
        environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(DirectoryPath, "rabbitmq.conf");
        environment["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(DirectoryPath, "advanced.config");
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(DirectoryPath, "enabled_plugins");
        environment["RABBITMQ_PID_FILE"] = Path.Combine(DirectoryPath, "rabbitmq.pid");
        environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}";
        start.WorkingDirectory = DirectoryPath;
        return start;
    }

    /// <inheritdoc />
    protected override async Task<bool> IsReadyAsync(CancellationToken cancellation)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellation).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), cancellation).ConfigureAwait(false);
        var frame = new byte[7];
        var read = 0;
        while (read < frame.Length)
        {
            var n = await stream.ReadAsync(frame.AsMemory(read), cancellation).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return frame[0] == 1; // a method frame: Connection.Start
    }

    /// <inheritdoc />
    protected override async Task OnEndedAsync()
    {
        if (_epmd is { } epmd)
        {
            _epmd = null;
            if (!epmd.HasExited)
            {
                epmd.Kill();
            }

            await epmd.WaitForExitAsync().ConfigureAwait(false);
            epmd.Dispose();
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string FindScript()
    {
        var path = Environment.GetEnvironmentVariable("RABBITMQ_SERVER") is { Length: > 0 } given ? given : DebianScript;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"RabbitMQ's server script was not found at {path}, and a real broker is needed here. Install it with " +
                "'apt-get install -y rabbitmq-server', or set RABBITMQ_SERVER to its rabbitmq-server script.");
    }

    private static string FindEpmd()
    {
        var candidates = Directory.Exists("/usr/lib/erlang")
            ? Directory.EnumerateFiles("/usr/lib/erlang", "epmd", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault() ?? (File.Exists("/usr/bin/epmd") ? "/usr/bin/epmd" : "epmd");
    }
}
