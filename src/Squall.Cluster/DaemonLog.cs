using Microsoft.Extensions.Logging;
using Squall.Cluster.Logging;

namespace Squall.Cluster;

/// <summary>
/// A daemon's logging: <see cref="Microsoft.Extensions.Logging"/> over one-line-per-event output (standard output
/// unless given a writer), with the daemon's role as category. <see cref="Logger"/> takes source-generated
/// events and scopes; <see cref="Info"/>, <see cref="Warn"/> and <see cref="Error"/> log free text through
/// source-generated events too.
/// </summary>
internal sealed class DaemonLog
{
    public DaemonLog(string role, TextWriter? writer = null, TimeProvider? time = null)
    {
        Factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new LineLoggerProvider(writer ?? Console.Out, time ?? TimeProvider.System)));
        Logger = Factory.CreateLogger(role);
    }

    public ILoggerFactory Factory { get; }

    public ILogger Logger { get; }

    public void Info(string message) => DaemonMessages.Info(Logger, message);

    public void Warn(string message) => DaemonMessages.Warn(Logger, message);

    public void Error(string message, Exception? error = null) => DaemonMessages.Error(Logger, message, error);
}
