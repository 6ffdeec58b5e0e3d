namespace Squall.Runtime.Routing;

/// <summary>Always the same targets: all of them (all grouping) or the lowest task id (global grouping).</summary>
internal sealed class FixedGrouper : IGrouper
{
    private readonly int[] _targets;

    private FixedGrouper(int[] targets) => _targets = targets;

    public static FixedGrouper All(IReadOnlyList<int> targets) => new([.. targets]);

    public static FixedGrouper Global(IReadOnlyList<int> targets) => new([targets.Min()]);

    public ReadOnlySpan<int> Choose(int sourceTask, Value[] values) => _targets;
}
