namespace Squall.Runtime;

/// <summary>An error reported by a component's task: a user exception (with its stack) or <c>ReportError</c>.</summary>
/// <param name="ComponentId">The component.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Time">When it was reported.</param>
/// <param name="Error">The exception.</param>
public sealed record ComponentError(string ComponentId, int TaskId, DateTimeOffset Time, Exception Error)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Time:O} {ComponentId}:{TaskId} {Error}";
}
