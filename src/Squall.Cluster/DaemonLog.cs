using System.Globalization;

namespace Squall.Cluster;

/// <summary>One line per event on standard output, prefixed with the time and the daemon's role.</summary>
internal sealed class DaemonLog(string role, TextWriter? writer = null)
{
    private readonly TextWriter _writer = writer ?? Console.Out;

    public void Info(string message) => Write("INFO", message);

    public void Warn(string message) => Write("WARN", message);

    public void Error(string message, Exception? error = null) => Write("ERROR", error is null ? message : $"{message}: {error}");

    private void Write(string level, string message)
    {
        lock (_writer)
        {
            _writer.WriteLine($"{DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {level,-5} [{role}] {message}");
            _writer.Flush();
        }
    }
}
