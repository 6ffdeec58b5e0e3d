namespace Squall.Runtime.Routing;

/// <summary>
/// Always the same targets: all of them (all grouping), the lowest task id (global grouping), or the one task
/// a fused local-or-shuffle subscription pairs with the emitting task.
/// </summary>
internal sealed class FixedGrouper : IGrouper
{
    private readonly int[] _targets;

    private FixedGrouper(int[] targets) => _targets = targets;

    public static FixedGrouper All(IReadOnlyList<int> targets) => new([.. targets]);

    public static FixedGrouper Global(IReadOnlyList<int> targets) => new([targets.Min()]);

    public static FixedGrouper Pinned(int target) => new([target]);

    public ReadOnlySpan<int> Choose(int sourceTask, Value[] values) => _targets;
}
