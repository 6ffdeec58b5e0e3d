namespace Squall;

/// <summary>A grouping written by the user: picks the target tasks of each tuple.</summary>
public interface ICustomStreamGrouping
{
    /// <summary>Called once per emitting task with the tasks subscribed through this grouping.</summary>
    void Prepare(TopologyContext context, string sourceComponent, string streamId, IReadOnlyList<int> targetTasks);

    /// <summary>The target tasks (a subset of those given to <see cref="Prepare"/>) for <paramref name="values"/>.</summary>
    /// <remarks>Return a cached list where possible: this runs for every tuple.</remarks>
    IReadOnlyList<int> ChooseTasks(int taskId, Values values);
}
