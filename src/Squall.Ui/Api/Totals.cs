namespace Squall.Ui.Api;

/// <summary>
/// Storm's figures for a set of tasks over one window (a component, an executor, a stream or the whole
/// topology): counts are summed; latencies are averaged over every sample of every task.
/// </summary>
internal sealed record Totals(
    long Emitted,
    long Transferred,
    long Acked,
    long Failed,
    long Executed,
    double CompleteLatencyMs,
    double ExecuteLatencyMs,
    double ProcessLatencyMs,
    double Capacity,
    double ThrottledMs);
