namespace Squall.Drpc.Topology;

/// <summary>Sends every tuple of a request (first value: its id) to the same task, from any source: how results, return info and coordination meet in JoinResult.</summary>
internal sealed class RequestIdGrouping : ICustomStreamGrouping
{
    private int[][] _choices = [];

    public void Prepare(TopologyContext context, string sourceComponent, string streamId, IReadOnlyList<int> targetTasks) =>
        _choices = [.. targetTasks.Select(t => new[] { t })];

    public IReadOnlyList<int> ChooseTasks(int taskId, Values values) =>
        _choices[(int)((ulong)values[0].AsInt64() % (ulong)_choices.Length)];
}
