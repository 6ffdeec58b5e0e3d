namespace Squall.Multilang.Tests.Support;

/// <summary>Waits for a condition that no callback announces (e.g. heartbeat answers), checking it every 20 ms.</summary>
public static class Eventually
{
    public static void True(Func<bool> condition, double timeoutSecs, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSecs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeoutSecs} s waiting for {what}.");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>True when no process with <paramref name="pid"/> is running any more.</summary>
    public static bool ProcessGone(long pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById((int)pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
