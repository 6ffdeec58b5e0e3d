using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Squall.ChildProcesses;

namespace Squall.Testing.Servers;

/// <summary>
/// A real Redis server for tests: <c>redis-server</c> in the foreground on a free loopback port with its files in a temporary
/// directory, ready once it answers PING (a server still loading its append-only file answers <c>-LOADING</c>: not ready).
/// </summary>
/// <remarks>
/// No RDB snapshots (<c>--save ''</c>). With <c>appendOnly</c> the server logs every write (fsync every second), so a
/// restart after <see cref="ServerProcess.KillAsync"/> comes back with what the OS had; without it a restart comes back empty.
/// <c>redis-server</c> is taken from <c>REDIS_SERVER</c> if set, else from PATH (Debian package <c>redis-server</c>).
/// </remarks>
public sealed class RedisServer : ServerProcess
{
    private readonly bool _appendOnly;

    private RedisServer(string? password, bool appendOnly, int port)
        : base("redis", port)
    {
        Password = password;
        _appendOnly = appendOnly;
    }

    /// <summary>The password clients must give (requirepass), or null for none.</summary>
    public string? Password { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString =>
        $"127.0.0.1:{Port}" + (Password is null ? "" : $",password={Password}");

    /// <summary>Starts a server; disposes it if the start fails.</summary>
    /// <param name="password">Null for none; else clients must AUTH with it.</param>
    /// <param name="appendOnly">Keep an append-only file so a restarted server has its data back.</param>
    /// <param name="port">0 picks a free port.</param>
    public static async Task<RedisServer> StartNewAsync(string? password = null, bool appendOnly = false, int port = 0)
    {
        var server = new RedisServer(password, appendOnly, port);
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
    protected override ProcessStartInfo CreateStartInfo()
    {
        var start = new ProcessStartInfo(FindRedisServer());
        var arguments = new List<string>
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--protected-mode", "yes",
            "--dir", DirectoryPath, "--daemonize", "no", "--save", "", "--appendonly", _appendOnly ? "yes" : "no",
            "--logfile", "",
        };
        if (Password is not null)
        {
            arguments.AddRange(["--requirepass", Password]);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <inheritdoc />
    protected override async Task<bool> IsReadyAsync(CancellationToken cancellation)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port, cancellation).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("*1\r\n$4\r\nPING\r\n"u8.ToArray(), cancellation).ConfigureAwait(false);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, cancellation).ConfigureAwait(false);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);
        // With a password the server is up but answers NOAUTH: that still means it serves.
        return reply.StartsWith("+PONG", StringComparison.Ordinal) || reply.StartsWith("-NOAUTH", StringComparison.Ordinal);
    }

    private static string FindRedisServer()
    {
        if (Environment.GetEnvironmentVariable("REDIS_SERVER") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "redis-server is not installed, and a real server is needed here. Install it with 'apt-get install -y redis-server', " +
            "or set REDIS_SERVER to its path.");
    }
}
