using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Squall.Cluster.Logging;

/// <summary>
/// Writes each log event as one line, synchronously: <c>HH:mm:ss.fff LEVEL [category] {topology=… component=… task=…} message</c>.
/// Synchronous on purpose: a worker's standard output is its <c>worker.log</c>, and a line must be there before
/// the process dies (the console logger's background queue can lose the last lines of a crashing worker).
/// Scopes come from <see cref="ISupportExternalScope"/>: key/value scopes print as <c>key=value</c>.
/// </summary>
internal sealed class LineLoggerProvider(TextWriter writer, TimeProvider time) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, string message, Exception? error)
    {
        var line = new StringBuilder(128)
            .Append(time.GetUtcNow().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(' ')
            .Append(Level(level)).Append(" [").Append(category).Append("] ");
        var scoped = false;
        _scopes.ForEachScope(
            (scope, b) =>
            {
                b.Append(scoped ? " " : "{");
                scoped = true;
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    b.AppendJoin(' ', pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => $"{p.Key}={p.Value}"));
                }
                else
                {
                    b.Append(scope);
                }
            },
            line);
        line.Append(scoped ? "} " : "").Append(message);
        if (error is not null)
        {
            line.Append(": ").Append(error);
        }

        lock (writer)
        {
            writer.WriteLine(line.ToString());
            writer.Flush();
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO ",
        LogLevel.Warning => "WARN ",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    private sealed class LineLogger(LineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
