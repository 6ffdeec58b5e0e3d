using Microsoft.Extensions.Logging;

namespace Squall.Cluster.Logging;

/// <summary>The daemons' free-text events, source-generated (no boxing, no formatting when the level is off).</summary>
internal static partial class DaemonMessages
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Text}")]
    public static partial void Info(ILogger logger, string text);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Text}")]
    public static partial void Warn(ILogger logger, string text);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Text}")]
    public static partial void Error(ILogger logger, string text, Exception? error);
}
