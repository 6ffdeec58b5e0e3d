using Squall.Runtime.Metrics;

namespace Squall.Ui.Sources;

/// <summary>A worker's stats report with where it runs (host:port, and its log).</summary>
internal sealed record UiReport(string SupervisorId, string Host, int Port, string LogLink, WorkerStatsReport Report);
