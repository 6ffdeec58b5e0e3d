namespace Squall.Runtime.TupleTrees;

/// <summary>The names a failed tree shows for task ids and stream indices, and whether the recorders cover every task.</summary>
/// <param name="Layout">The topology's task layout.</param>
/// <param name="AllLocal">True when this worker runs every task (local mode, one worker): nothing can be elsewhere.</param>
internal sealed record TaskNames(TaskLayout Layout, bool AllLocal)
{
    public string Component(int task) => task > 0 && task < Layout.ComponentOfTask.Length ? Layout.ComponentOfTask[task] : $"task {task}";

    public string Stream(int task, int index) =>
        Layout.Topology.ById.TryGetValue(Component(task), out var spec) && index >= 0 && index < spec.StreamList.Length
            ? spec.StreamList[index].StreamId
            : $"stream {index}";
}
