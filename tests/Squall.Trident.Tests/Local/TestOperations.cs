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

/// <summary>Records every tuple it sees, per key, and passes it on.</summary>
public sealed class Record(string key) : BaseFilter
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<object?[]>> Seen = new();

    public static IReadOnlyList<object?[]> Of(string key) => [.. Seen.GetOrAdd(key, _ => new())];

    public override bool IsKeep(TridentTuple tuple)
    {
        ArgumentNullException.ThrowIfNull(tuple);
        Seen.GetOrAdd(key, _ => new()).Enqueue(tuple.GetValues());
        return true;
    }
}
