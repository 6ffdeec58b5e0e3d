namespace Squall;

/// <summary>How a tuple tree failed.</summary>
public enum FailureKind
{
    /// <summary>A bolt called <c>Fail</c> on a tuple of the tree.</summary>
    Failed,

    /// <summary>The tree did not complete within <c>topology.message.timeout.secs</c>.</summary>
    TimedOut,
}
