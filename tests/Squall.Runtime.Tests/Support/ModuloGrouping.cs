namespace Squall.Runtime.Tests.Support;

/// <summary>A custom grouping: number n goes to target <c>n mod count</c>, and multiples of 5 also to the next one.</summary>
internal sealed class ModuloGrouping : ICustomStreamGrouping
{
    private IReadOnlyList<int> _targets = [];

    public void Prepare(TopologyContext context, string sourceComponent, string streamId, IReadOnlyList<int> targetTasks) => _targets = targetTasks;

    public IReadOnlyList<int> ChooseTasks(int taskId, Values values)
    {
        var n = values[0].AsInt32();
        var first = _targets[n % _targets.Count];
        return n % 5 == 0 ? [first, _targets[(n + 1) % _targets.Count]] : [first];
    }

    public static IReadOnlyList<int> Expected(int n, IReadOnlyList<int> targets)
    {
        var first = targets[n % targets.Count];
        return n % 5 == 0 ? [first, targets[(n + 1) % targets.Count]] : [first];
    }
}
