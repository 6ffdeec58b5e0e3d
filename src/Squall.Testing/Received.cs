namespace Squall.Testing;

/// <summary>One tuple as a <see cref="CaptureBolt"/> task received it.</summary>
/// <param name="TaskId">The receiving task.</param>
/// <param name="SourceComponent">The component that emitted it.</param>
/// <param name="SourceTask">The task that emitted it.</param>
/// <param name="StreamId">The stream it came on.</param>
/// <param name="Values">Its values, as objects.</param>
public sealed record Received(int TaskId, string SourceComponent, int SourceTask, string StreamId, IReadOnlyList<object?> Values)
{
    /// <summary>The first value, the common case of one-field tuples.</summary>
    public object? First => Values[0];
}
