using System.Collections.Concurrent;
using SysProcess = System.Diagnostics.Process;

namespace Squall.Multilang.Process;

/// <summary>
/// Every live child of this host. A process-wide list is deliberate: it is the last line of defence that
/// kills children when the host exits without running Cleanup/Close, so no subprocess outlives the engine.
/// </summary>
internal static class ChildProcessRegistry
{
    private static readonly ConcurrentDictionary<int, SysProcess> Children = new();

    static ChildProcessRegistry() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Add(SysProcess process) => Children[process.Id] = process;

    public static void Remove(SysProcess process) => Children.TryRemove(process.Id, out _);

    public static void KillTree(SysProcess process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited between the check and the kill.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The process is gone or no longer ours to kill.
        }
    }

    private static void KillAll()
    {
        foreach (var process in Children.Values)
        {
            KillTree(process);
        }
    }
}
