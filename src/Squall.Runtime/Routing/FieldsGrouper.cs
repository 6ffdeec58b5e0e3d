namespace Squall.Runtime.Routing;

/// <summary>Fields grouping: the stable hash of the grouping fields, modulo the number of targets.</summary>
internal sealed class FieldsGrouper : IGrouper
{
    private readonly int[] _targets;
    private readonly FieldsHasher _hasher;

    public FieldsGrouper(IReadOnlyList<int> targets, FieldsHasher hasher)
    {
        _targets = [.. targets.Order()];
        _hasher = hasher;
    }

    public ReadOnlySpan<int> Choose(int sourceTask, Value[] values) =>
        new(_targets, (int)(_hasher.Hash(values) % (ulong)_targets.Length), 1);
}
