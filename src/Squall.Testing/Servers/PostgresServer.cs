using System.Diagnostics;
using Squall.ChildProcesses;

namespace Squall.Testing.Servers;

/// <summary>
/// A real PostgreSQL server for tests: <c>initdb</c> into a temporary directory, then <c>postgres</c> in the foreground on a free
/// loopback port, its unix socket in the same directory, ready once <c>pg_isready</c> says it accepts connections.
/// </summary>
/// <remarks>
/// Binaries come from <c>PG_BIN</c> if set, else Debian's <c>/usr/lib/postgresql/15/bin</c> (package <c>postgresql</c>).
/// PostgreSQL refuses to run as root, and CI runs tests as root: then initdb and the server run as the <c>postgres</c> system
/// user through <c>setpriv</c>, which execs in place (unlike runuser, which forks), so the pid we hold is the postmaster's and
/// killing it is a real crash. The temporary directory is opened to all so that user can create its data directory there.
/// Authentication is trust for <see cref="User"/> unless a password is given (then scram-sha-256); the server listens on
/// 127.0.0.1 only. fsync is off: a test needs no durability beyond the OS cache, which survives killing the process.
/// </remarks>
public sealed class PostgresServer : ServerProcess
{
    private const string DebianBin = "/usr/lib/postgresql/15/bin";
    private const string SystemUser = "postgres";

    private PostgresServer(string user, string? password, int port)
        : base("postgres", port)
    {
        User = user;
        Password = password;
        if (!OperatingSystem.IsWindows())
        {
            // The postgres system user (when we are root) must be able to create its data directory and socket here.
            File.SetUnixFileMode(DirectoryPath, (UnixFileMode)0b111_111_111);
        }
    }

    /// <summary>The superuser the server was initialised with.</summary>
    public string User { get; }

    /// <summary>The superuser's password, or null for trust authentication.</summary>
    public string? Password { get; }

    /// <summary>The database every server has.</summary>
    public static string Database => "postgres";

    /// <summary>
    /// An Npgsql connection string for <see cref="User"/> over TCP on loopback, with generous connect and command timeouts
    /// (tests share a loaded machine; a timeout only bounds a hang).
    /// </summary>
    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={Database};Timeout=60;Command Timeout=120" + (Password is null ? "" : $";Password={Password}");

    private string DataDirectory => Path.Combine(DirectoryPath, "data");

    /// <summary>Initialises and starts a server; disposes it if the start fails.</summary>
    /// <param name="user">The superuser to create.</param>
    /// <param name="password">Null for trust authentication on loopback; else scram-sha-256 with this password.</param>
    /// <param name="port">0 picks a free port.</param>
    public static async Task<PostgresServer> StartNewAsync(string user = "squall", string? password = null, int port = 0)
    {
        var server = new PostgresServer(user, password, port);
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
    protected override int StopSignal => Signals.Int; // "fast shutdown": roll back open transactions and exit

    /// <inheritdoc />
    protected override async Task PrepareAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return; // a restart keeps the data
        }

        var start = Command("initdb");
        foreach (var argument in new[] { "-D", DataDirectory, "-U", User, "-E", "UTF8", "--locale=C", "--no-sync" })
        {
            start.ArgumentList.Add(argument);
        }

        if (Password is null)
        {
            start.ArgumentList.Add("--auth=trust");
        }
        else
        {
            var passwordFile = Path.Combine(DirectoryPath, "pwfile");
            await File.WriteAllTextAsync(passwordFile, Password).ConfigureAwait(false);
            start.ArgumentList.Add("--auth=scram-sha-256");
            start.ArgumentList.Add("--pwfile=" + passwordFile);
        }

        try
        {
            await RunToCompletionAsync(start, "initdb").ConfigureAwait(false);
        }
        finally
        {
            File.Delete(Path.Combine(DirectoryPath, "pwfile"));
        }
    }

    /// <inheritdoc />
    protected override ProcessStartInfo CreateStartInfo()
    {
        var start = Command("postgres");
        foreach (var argument in new[]
                 {
                     "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-k", DirectoryPath, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                     "-c", "full_page_writes=off", "-c", "shared_buffers=16MB", "-c", "max_connections=100",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <inheritdoc />
    protected override async Task<bool> IsReadyAsync(CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(Binary("pg_isready"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-q", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", User, "-d", Database })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        return process.ExitCode == 0;
    }

    // As root, run the command as the postgres system user in place (setpriv execs; it does not fork).
    private static ProcessStartInfo Command(string program)
    {
        if (!Signals.IsRoot)
        {
            return new ProcessStartInfo(Binary(program));
        }

        var start = new ProcessStartInfo("setpriv");
        foreach (var argument in new[] { "--reuid=" + SystemUser, "--regid=" + SystemUser, "--init-groups", "--", Binary(program) })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string Binary(string program)
    {
        var directory = Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } bin ? bin : DebianBin;
        var path = Path.Combine(directory, program);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"PostgreSQL's {program} was not found in {directory}, and a real server is needed here. Install it with " +
                "'apt-get install -y postgresql' (Debian 12: PostgreSQL 15), or set PG_BIN to the directory holding initdb and postgres.");
    }
}
