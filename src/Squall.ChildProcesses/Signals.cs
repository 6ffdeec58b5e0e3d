using System.Runtime.InteropServices;

namespace Squall.ChildProcesses;

/// <summary>POSIX signals and identity, for servers that shut down cleanly on a signal and refuse to run as root.</summary>
public static partial class Signals
{
    /// <summary>SIGINT.</summary>
    public const int Int = 2;

    /// <summary>SIGTERM.</summary>
    public const int Term = 15;

    /// <summary>True if the current process runs as root (uid 0).</summary>
    public static bool IsRoot => OperatingSystem.IsWindows() ? false : GetEffectiveUserId() == 0;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false where signals do not exist or the process is gone.</summary>
    public static bool Send(int pid, int signal) => !OperatingSystem.IsWindows() && Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
