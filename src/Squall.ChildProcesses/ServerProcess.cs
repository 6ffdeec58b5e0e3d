using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Squall.ChildProcesses;

/// <summary>
/// A real server process: started on a free loopback port with its files in a fresh temporary directory, ready once
/// <see cref="IsReadyAsync"/> says so, stopped by pid, and killed by an <see cref="OrphanGuard"/> when this process dies
/// without stopping it (a crashed or killed test run, kill -9 of <c>squall dev-cluster</c>). Subclasses say how to prepare
/// the directory, which command to run and what "ready" means; this base owns the life cycle, the captured output and
/// the error message a failed start gives. The test kit's servers (PostgreSQL, Redis, RabbitMQ) and the dev cluster's
/// ZooKeeper derive from it.
/// </summary>
/// <remarks>
/// The port is fixed for the server's lifetime, so <see cref="StartAsync"/> after <see cref="KillAsync"/> brings the server back
/// on the same address with the same files, as a restarted database would.
/// </remarks>
public abstract class ServerProcess : IAsyncDisposable
{
    /// <summary>How long a start may take: generous, because tests share a loaded 2-core machine. It bounds a hang only.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a graceful stop may take before the process is killed.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private OrphanGuard? _guard;

    /// <param name="name">A short name for the temporary directory and for messages ("postgres", "redis").</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    protected ServerProcess(string name, int port = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Port = port == 0 ? FreeLoopbackPort() : port;
        DirectoryPath = Path.Combine(Path.GetTempPath(), $"squall-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(DirectoryPath);
    }

    /// <summary>The server's name in messages.</summary>
    public string Name { get; }

    /// <summary>The TCP port on 127.0.0.1, fixed for the server's lifetime.</summary>
    public int Port { get; }

    /// <summary>The temporary directory holding the server's files; deleted on dispose.</summary>
    public string DirectoryPath { get; }

    /// <summary>True while the server process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The process id while it runs.</summary>
    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>The server's output so far (at most 64 KiB), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server (preparing its directory the first time) and waits until it is ready.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        await PrepareAsync().ConfigureAwait(false);
        var start = CreateStartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
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
        _guard = OrphanGuard.Watch(process);
        await WaitUntilReadyAsync(process).ConfigureAwait(false);
    }

    /// <summary>Stops the server gracefully (its <see cref="StopSignal"/>), killing it if it does not exit in time.</summary>
    public Task StopAsync() => EndAsync(graceful: true);

    /// <summary>Kills the server by pid (SIGKILL, as a crash would) and waits for it to exit.</summary>
    public Task KillAsync() => EndAsync(graceful: false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is harmless.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Prepares the directory before a start (e.g. initdb); runs before every start, so it must be idempotent.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>The command that runs the server in the foreground (no daemonizing: the pid must be the server's).</summary>
    protected abstract ProcessStartInfo CreateStartInfo();

    /// <summary>True once the server serves requests on <see cref="Port"/>.</summary>
    protected abstract Task<bool> IsReadyAsync(CancellationToken cancellation);

    /// <summary>The signal that asks the server to shut down cleanly (SIGTERM unless the server prefers another).</summary>
    protected virtual int StopSignal => Signals.Term;

    /// <summary>Runs a helper command to completion (e.g. initdb), failing with its output if it exits non-zero.</summary>
    protected static async Task RunToCompletionAsync(ProcessStartInfo start, string what)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {what}: {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{what} did not finish within {StartTimeout}: {Describe(start)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{what} failed (exit code {process.ExitCode}): {Describe(start)}\n{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
        }
    }

    /// <summary>The command line of <paramref name="start"/>, for messages.</summary>
    protected static string Describe(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return $"{start.FileName} {string.Join(' ', start.ArgumentList)}";
    }

    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task EndAsync(bool graceful)
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            if (graceful && Signals.Send(process.Id, StopSignal))
            {
                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Did not stop in time: kill it below.
                }
            }

            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        process.Dispose();
        _guard?.Dispose();
        _guard = null;
        await OnEndedAsync().ConfigureAwait(false);
    }

    /// <summary>Called after the server process ended (stopped or killed): stop companions such as RabbitMQ's epmd.</summary>
    protected virtual Task OnEndedAsync() => Task.CompletedTask;

    private async Task WaitUntilReadyAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using (var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            {
                try
                {
                    if (await IsReadyAsync(probe.Token).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
                {
                    // Not ready yet.
                }
            }

            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                var exited = process.HasExited;
                var command = Describe(process.StartInfo);
                await KillAsync().ConfigureAwait(false); // also drains the output of an exited process
                throw new InvalidOperationException(
                    $"{Name} was not ready on 127.0.0.1:{Port} within {StartTimeout} " +
                    $"({(exited ? "the process exited" : "killed it")}). Command: {command}\nOutput:\n{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false); // polling a condition, not timing an assertion
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
}
