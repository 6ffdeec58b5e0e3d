using Squall.Runtime.State;
using Squall.Trident.Runtime;
using Squall.Trident.State;

namespace Squall.Trident.Tests.Local;

/// <summary>Reads what a Trident topology left in its state and coordinator store, and waits on it.</summary>
internal static class TridentHarness
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];

    public static Dictionary<string, long> ExpectedCounts(IEnumerable<string> sentences) =>
        sentences.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).GroupBy(w => w).ToDictionary(g => g.Key, g => (long)g.Count());

    public static Dictionary<string, long?> Read(MapStateFactory state, IEnumerable<string> words, Config? conf = null)
    {
        var keys = words.Select(w => (IReadOnlyList<object?>)[w]).ToList();
        using var map = state.Open(conf ?? new Config());
        var values = map.MultiGet(keys);
        return keys.Select((k, i) => (Word: (string)k[0]!, Count: values[i] is null ? (long?)null : Convert.ToInt64(values[i], System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(p => p.Word, p => p.Count);
    }

    public static long Committed(IMapStoreFactory store, string txId, Config? conf = null)
    {
        using var coordinator = CoordinatorStore.Open(store, conf ?? new Config());
        return coordinator.Get("coordinator/" + txId) as long? ?? 0;
    }

    /// <summary>
    /// Waits for the counts to equal <paramref name="expected"/>, then for three more batches to commit, and asserts they
    /// are still equal: exact, not "at least".
    /// </summary>
    public static async Task ShouldCountExactly(MapStateFactory state, IMapStoreFactory coordinator, string txId, Dictionary<string, long> expected, Config? conf = null)
    {
        await Wait.UntilAsync(
            () => Read(state, expected.Keys, conf).All(p => p.Value == expected[p.Key]),
            Patience,
            () => "counts reach " + Show(expected) + ", now " + Show(Read(state, expected.Keys, conf)));
        var committed = Committed(coordinator, txId, conf);
        await Wait.UntilAsync(() => Committed(coordinator, txId, conf) >= committed + 3, Patience, () => "three more batches commit");
        Read(state, expected.Keys, conf).ShouldBe(expected.ToDictionary(p => p.Key, p => (long?)p.Value));
    }

    private static string Show<T>(Dictionary<string, T> counts) => string.Join(" ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
