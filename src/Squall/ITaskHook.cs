namespace Squall;

/// <summary>
/// Observes one task's events (Storm's <c>ITaskHook</c>): added with <see cref="TopologyContext.AddTaskHook"/>
/// or, for every task, with <c>topology.auto.task.hooks</c>. Called on the task's executor thread; a task with
/// no hook pays nothing.
/// </summary>
public interface ITaskHook
{
    /// <summary>Called once, before the task's first event.</summary>
    void Prepare(Config conf, TopologyContext context);

    /// <summary>Called when the task shuts down.</summary>
    void Cleanup();

    /// <summary>The task emitted a tuple.</summary>
    void Emit(EmitInfo info);

    /// <summary>A spout task's tuple tree completed.</summary>
    void SpoutAck(SpoutAckInfo info);

    /// <summary>A spout task's tuple tree failed or timed out.</summary>
    void SpoutFail(SpoutFailInfo info);

    /// <summary>A bolt task executed a tuple.</summary>
    void BoltExecute(BoltExecuteInfo info);

    /// <summary>A bolt task acked a tuple.</summary>
    void BoltAck(BoltAckInfo info);

    /// <summary>A bolt task failed a tuple.</summary>
    void BoltFail(BoltFailInfo info);
}
