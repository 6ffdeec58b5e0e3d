namespace Squall.Multilang.Tests.Support;

/// <summary>Questions about child processes the tests start.</summary>
public static class Processes
{
    /// <summary>True when no running process has <paramref name="pid"/>.</summary>
    public static bool Gone(long pid)
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
