namespace Squall.Testing;

/// <summary>What <see cref="CompleteTopology.Run(LocalCluster, StormTopology, MockedSources, Config?, string)"/> saw: every emit, per component and stream.</summary>
public sealed class CompletedTopology
{
    internal CompletedTopology(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<Values>>> tuples,
        IReadOnlyDictionary<string, IReadOnlyList<(object MessageId, FailureReason? Reason)>> failures)
    {
        Tuples = tuples;
        Failures = failures;
    }

    /// <summary>component → stream → the values emitted (in emit order within each task).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<Values>>> Tuples { get; }

    /// <summary>The mocked tuples that failed, per spout, with why.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(object MessageId, FailureReason? Reason)>> Failures { get; }

    /// <summary>What <paramref name="component"/> emitted on <paramref name="stream"/> (Storm's <c>Testing.readTuples</c>); empty if nothing.</summary>
    public IReadOnlyList<Values> ReadTuples(string component, string stream = Constants.DefaultStreamId) =>
        Tuples.TryGetValue(component, out var streams) && streams.TryGetValue(stream, out var values) ? values : [];
}
