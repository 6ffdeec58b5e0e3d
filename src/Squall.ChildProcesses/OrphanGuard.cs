using System.Diagnostics;
using System.Globalization;

namespace Squall.ChildProcesses;

/// <summary>
/// Kills a child process when this process dies, however it dies. Cleanup code (<c>ProcessExit</c>, <c>finally</c>,
/// disposal) covers a clean exit and SIGTERM, but kill -9 runs none of it, and a child JVM or worker would run for
/// ever. Linux's <c>PR_SET_PDEATHSIG</c> fires when the <em>thread</em> that forked the child ends (a .NET
/// thread-pool thread may retire at any time), so it cannot be used here.
/// </summary>
/// <remarks>
/// Instead a tiny watchdog, <c>/bin/sh</c>, waits on a pipe whose only writer is this process: the kernel closes the
/// pipe when this process dies, by any means, the watchdog's <c>read</c> returns and it kills the child. .NET creates
/// its pipes close-on-exec, so no other child inherits the writer and keeps the pipe open. When the child ends first,
/// <see cref="Dispose"/> kills the watchdog, so that it can never kill a later process that reuses the pid.
/// On Windows (no <c>/bin/sh</c>) there is no guard; the cleanup code is all there is.
/// </remarks>
public sealed class OrphanGuard : IDisposable
{
    private const string Shell = "/bin/sh";
    private readonly Process _watchdog;

    private OrphanGuard(Process watchdog) => _watchdog = watchdog;

    /// <summary>The watchdog's pid, for tests that check it is gone too.</summary>
    public int WatchdogPid => _watchdog.Id;

    /// <summary>Starts a watchdog that kills <paramref name="child"/> (SIGKILL) once this process is gone; null where none can run.</summary>
    public static OrphanGuard? Watch(Process child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (OperatingSystem.IsWindows() || !File.Exists(Shell))
        {
            return null;
        }

        var start = new ProcessStartInfo(Shell)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // "read" returns on end of file: the only writer, this process, is gone. $0 names the watchdog in ps.
        foreach (var argument in new[] { "-c", "read -r _; kill -KILL \"$1\" 2>/dev/null", "squall-orphan-guard", child.Id.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new OrphanGuard(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Shell} to guard process {child.Id}."));
    }

    /// <summary>Stops the watchdog (the child ended or is being stopped by its owner).</summary>
    public void Dispose()
    {
        try
        {
            _watchdog.Kill();
            _watchdog.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _watchdog.Dispose();
    }
}
