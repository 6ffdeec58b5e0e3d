using System.Diagnostics;
using System.Globalization;

namespace Squall.Cluster.Supervisor;

/// <summary>
/// <c>{storm.local.dir}/supervisor/supervisor.pid</c>: the running supervisor's pid and start time. Its workers
/// read it to notice that their supervisor is gone (a pid alone could be reused); a restarted supervisor
/// rewrites it, so the workers it adopts keep running.
/// </summary>
internal static class SupervisorPidFile
{
    public const string FileName = "supervisor.pid";

    public static void Write(string supervisorDir)
    {
        using var self = Process.GetCurrentProcess();
        SlotFiles.WriteAtomically(
            Path.Combine(supervisorDir, FileName),
            System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}")));
    }

    /// <summary>True when the process the file names runs, and is the one that wrote it.</summary>
    public static bool IsAlive(string path)
    {
        try
        {
            var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            using var process = Process.GetProcessById(int.Parse(parts[0], CultureInfo.InvariantCulture));
            // Each process derives start times from its own reading of the boot time, so two readings differ by
            // milliseconds: a pid reused by another process would differ by far more.
            var written = new DateTime(long.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeKind.Utc);
            return !process.HasExited && (process.StartTime.ToUniversalTime() - written).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (Exception e) when (e is IOException or ArgumentException or FormatException or IndexOutOfRangeException or InvalidOperationException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
