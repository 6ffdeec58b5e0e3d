namespace Squall;

/// <summary>Why a tuple tree failed: which task failed it (and its message), or that it timed out.</summary>
/// <param name="Kind">Whether a task failed the tree or it timed out.</param>
/// <param name="ComponentId">The component whose task called <c>Fail</c>; null for a timeout.</param>
/// <param name="TaskId">The task that called <c>Fail</c>; -1 for a timeout.</param>
/// <param name="Message">The failure's message (e.g. the exception a basic bolt threw), or the timeout.</param>
public sealed record FailureReason(FailureKind Kind, string? ComponentId, int TaskId, string? Message)
{
    /// <summary>The reason for a tree that timed out after <paramref name="timeoutSecs"/> seconds.</summary>
    public static FailureReason TimedOut(int timeoutSecs) =>
        new(FailureKind.TimedOut, null, -1, $"timed out after {timeoutSecs} s (topology.message.timeout.secs)");

    /// <inheritdoc/>
    public override string ToString() => Kind == FailureKind.TimedOut
        ? Message ?? "timed out"
        : $"failed by {ComponentId}:{TaskId}{(Message is null ? string.Empty : ": " + Message)}";
}
