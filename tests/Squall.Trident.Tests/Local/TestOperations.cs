using System.Collections.Concurrent;
using Squall.Trident.Operation;

namespace Squall.Trident.Tests.Local;

/// <summary>Throws <see cref="FailedException"/> (failing its batch) on the given calls, counted per key across tasks.</summary>
public sealed class FailOnCalls(string key, params int[] calls) : BaseFilter
{
    private static readonly ConcurrentDictionary<string, int> Counts = new();

    public static int Calls(string key) => Counts.GetValueOrDefault(key);

    public override bool IsKeep(TridentTuple tuple)
    {
        var call = Counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        return Array.IndexOf(calls, call) < 0 ? true : throw new FailedException($"injected failure on call {call}");
    }
}

/// <summary>
/// Records every tuple it sees with its batch id appended, per key (as a partition aggregate, the one operation that
/// learns the batch id); emits nothing.
/// </summary>
public sealed class Record(string key) : BaseOperation, IAggregator<Record.Batch>
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<object?[]>> Seen = new();

    public static IReadOnlyList<object?[]> Of(string key) => [.. Seen.GetOrAdd(key, _ => new())];

    public Batch Init(long batchId, ITridentCollector collector) => new(batchId);

    public void Aggregate(Batch state, TridentTuple tuple, ITridentCollector collector)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(tuple);
        Seen.GetOrAdd(key, _ => new()).Enqueue([.. tuple, state.Id]);
    }

    public void Complete(Batch state, ITridentCollector collector)
    {
    }

    public sealed record Batch(long Id);
}

/// <summary>Test shorthand.</summary>
public static class RecordExtensions
{
    /// <summary>Records the stream's tuples under <paramref name="key"/>.</summary>
    public static void Recorded(this Stream stream, string key)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.PartitionAggregate(stream.OutputFields, () => new Record(key), new Fields());
    }
}
