namespace Squall.Runtime.Execution;

/// <summary>
/// Tells whether an OS thread is waiting in the kernel (asleep, or in uninterruptible I/O) or is running or
/// runnable, by its <c>/proc</c> entry on Linux. Elsewhere every thread counts as waiting.
/// </summary>
/// <remarks>
/// The pool's monitor asks this only about a thread whose slice has run long, so reading a small file then
/// costs nothing that matters; it lets the monitor tell user code that blocks (worth a replacement thread)
/// from a thread that was merely preempted on a busy machine or paused by a garbage collection (where a
/// replacement only adds a thread fighting for the same cores).
/// </remarks>
internal sealed class OsThreadState
{
    private readonly string? _statPath;

    private OsThreadState(string? statPath) => _statPath = statPath;

    /// <summary>The calling thread's state; call it on the thread to be watched.</summary>
    public static OsThreadState OfCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new OsThreadState(null);
        }

        var task = Directory.ResolveLinkTarget("/proc/thread-self", returnFinalTarget: false);
        return new OsThreadState(task is null ? null : Path.Combine(task.FullName, "stat"));
    }

    /// <summary>True when the thread sleeps or waits in the kernel (state S or D), or when that cannot be read.</summary>
    public bool IsWaiting
    {
        get
        {
            if (_statPath is null)
            {
                return true;
            }

            try
            {
                // "pid (comm) S ...": the name may hold spaces and parentheses, the state follows the last ')'.
                var stat = File.ReadAllText(_statPath);
                var state = stat[stat.LastIndexOf(')') + 2];
                return state is 'S' or 'D';
            }
            catch (IOException)
            {
                return true;
            }
        }
    }
}
