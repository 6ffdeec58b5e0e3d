namespace Squall.Runtime.Metrics;

/// <summary>An error a task reported.</summary>
/// <param name="ComponentId">The component.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Time">When.</param>
/// <param name="Error">The exception's type, message and stack.</param>
public sealed record ErrorReport(string ComponentId, int TaskId, DateTimeOffset Time, string Error);
