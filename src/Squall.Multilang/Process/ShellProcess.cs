using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Squall.Multilang.Protocol;
using SysProcess = System.Diagnostics.Process;

namespace Squall.Multilang.Process;

/// <summary>
/// One child process speaking the multilang protocol: started with argv exactly [command, script] (never
/// shell-split), cwd the resources folder, stderr drained on its own thread, stdin/stdout carrying messages.
/// </summary>
/// <remarks>Writes are serialized here; reads must come from one thread at a time (the component's reader).</remarks>
internal sealed partial class ShellProcess : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SysProcess _process;
    private readonly Stream _stdin;
    private readonly IShellMessageReader _reader;
    private readonly StderrDrain _stderr;
    private readonly string _pidDir;
    private readonly Lock _writeLock = new();
    private int _disposed;

    private ShellProcess(ShellLaunchSpec spec, SysProcess process, string pidDir, Action<string>? onStderr)
    {
        Spec = spec;
        _process = process;
        _pidDir = pidDir;
        _stdin = process.StandardInput.BaseStream;
        _reader = spec.Serializer.CreateReader(process.StandardOutput.BaseStream);
        _stderr = new StderrDrain(process.StandardError, $"{spec.ComponentId}:{spec.TaskId}", onStderr);
    }

    public ShellLaunchSpec Spec { get; }

    /// <summary>The pid the child reported in the handshake (0 before it).</summary>
    public long Pid { get; private set; }

    /// <summary>The canonical directory the child drops its pid file into.</summary>
    public string PidDir => _pidDir;

    /// <summary>True once the child has exited.</summary>
    public bool HasExited => IsExited();

    /// <summary>Starts the child; throws <see cref="ShellProcessException"/> when it cannot be started.</summary>
    public static ShellProcess Start(ShellLaunchSpec spec, Action<string>? onStderr)
    {
        var pidDir = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "squall-multilang", $"{spec.ComponentId}-{spec.TaskId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(pidDir);
        var info = new ProcessStartInfo(spec.Command)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = Utf8NoBom,
            StandardOutputEncoding = Utf8NoBom,
            StandardErrorEncoding = Utf8NoBom,
        };
        info.ArgumentList.Add(spec.Script);
        ApplyEnvironment(info, spec.Environment);
        try
        {
            var process = SysProcess.Start(info) ?? throw new InvalidOperationException("Process.Start returned no process.");
            ChildProcessRegistry.Add(process);
            return new ShellProcess(spec, process, pidDir, onStderr);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            TryDeleteDirectory(pidDir);
            throw new ShellProcessException(
                $"Cannot launch [{spec.Command}, {spec.Script}] in '{spec.WorkingDirectory}' for {spec.ComponentId}: {e.Message}", e);
        }
    }

    /// <summary>Writes one message and flushes; thread-safe.</summary>
    public void Send(HostMessage message)
    {
        lock (_writeLock)
        {
            Spec.Serializer.Write(_stdin, message);
        }
    }

    /// <summary>Reads the next child message (blocking).</summary>
    public ChildMessage Read() => _reader.Read();

    /// <summary>The child's exit code, or -1 while it runs (as Storm reports it).</summary>
    public int ExitCode => IsExited() ? _process.ExitCode : -1;

    /// <summary>The last lines of the child's stderr, after giving a dying child a moment to finish writing them.</summary>
    public string StderrTail(TimeSpan wait)
    {
        if (wait > TimeSpan.Zero && WaitForExit(wait))
        {
            _stderr.WaitForEnd(wait);
        }

        return _stderr.Tail;
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        try
        {
            return _process.WaitForExit(timeout);
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>Kills the child and everything it started, at once.</summary>
    public void Kill() => ChildProcessRegistry.KillTree(_process);

    /// <summary>
    /// Stops the child and everything it started. Storm sends a plain terminate to the child only; killing the
    /// whole tree while the child is still there to find its descendants is what leaves nothing behind.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Kill();
        WaitForExit(TimeSpan.FromSeconds(5));
        try
        {
            _stdin.Dispose();
        }
        catch (IOException)
        {
            // The pipe is already broken: the child is gone.
        }

        ChildProcessRegistry.Remove(_process);
        _process.Dispose();
        TryDeleteDirectory(_pidDir);
    }

    private bool IsExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static void ApplyEnvironment(ProcessStartInfo info, IReadOnlyDictionary<string, string> overrides)
    {
        foreach (var (name, value) in overrides)
        {
            // Storm appends to PATH (so the interpreter is still found) and replaces everything else.
            info.Environment[name] = name == "PATH" && info.Environment.TryGetValue("PATH", out var path) && !string.IsNullOrEmpty(path)
                ? path + Path.PathSeparator + value
                : value;
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
