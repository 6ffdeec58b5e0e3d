namespace Squall.Runtime.Routing;

/// <summary>
/// Partial key grouping ("The Power of Both Choices"): two independent hashes give each key two candidate
/// tasks, and each tuple goes to the candidate this emitter has sent fewer tuples to, so a hot key spreads
/// over exactly two tasks while keys stay confined.
/// </summary>
internal sealed class PartialKeyGrouper : IGrouper
{
    private const ulong SecondSeed = 0x9E3779B97F4A7C15;
    private readonly int[] _targets;
    private readonly long[] _load;
    private readonly FieldsHasher _hasher;

    public PartialKeyGrouper(IReadOnlyList<int> targets, FieldsHasher hasher)
    {
        _targets = [.. targets.Order()];
        _load = new long[_targets.Length];
        _hasher = hasher;
    }

    public ReadOnlySpan<int> Choose(int sourceTask, Value[] values)
    {
        var n = (ulong)_targets.Length;
        var first = (int)(_hasher.Hash(values) % n);
        var second = (int)(_hasher.Hash(values, SecondSeed) % n);
        if (second == first && n > 1)
        {
            second = (int)((ulong)(first + 1) % n);
        }

        var chosen = _load[second] < _load[first] ? second : first;
        _load[chosen]++;
        return new ReadOnlySpan<int>(_targets, chosen, 1);
    }
}
