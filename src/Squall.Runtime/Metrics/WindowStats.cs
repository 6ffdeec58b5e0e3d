namespace Squall.Runtime.Metrics;

/// <summary>A task's counters over one window.</summary>
/// <param name="Window">Storm's window name: <c>600</c>, <c>10800</c>, <c>86400</c> or <c>:all-time</c>.</param>
/// <param name="Seconds">The time the counters actually cover (shorter than the window while the task is young).</param>
/// <param name="Outputs">Per output stream.</param>
/// <param name="Inputs">Per input (bolts).</param>
/// <param name="ThrottledMs">Time a spout spent not calling NextTuple (backpressure or max spout pending).</param>
/// <param name="TimedOut">Spout trees that timed out.</param>
public sealed record WindowStats(string Window, double Seconds, List<OutputStats> Outputs, List<InputStats> Inputs, double ThrottledMs, long TimedOut);
