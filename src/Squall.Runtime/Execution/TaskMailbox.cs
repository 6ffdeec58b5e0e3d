using System.Collections.Concurrent;

namespace Squall.Runtime.Execution;

/// <summary>
/// One task's <see cref="IExecutorMailbox"/> (its <see cref="TopologyContext.Mailbox"/>): the task's own queue
/// of posted work, scheduled on its current executor's <see cref="ExecutorMailbox"/> at most once at a time.
/// </summary>
/// <remarks>
/// The queue belongs to the task, not to the executor, so work survives a rebalance: binding to the new
/// executor schedules a turn there unconditionally, which takes whatever was posted while the task moved
/// (a turn left in the stopped executor's mailbox never runs). A turn clears the flag before taking work, as
/// <see cref="ExecutorMailbox"/> does, runs at most <see cref="MaxPerTurn"/> items so one busy task cannot
/// starve its neighbours, and reports what a work item throws as the component's error.
/// </remarks>
internal sealed class TaskMailbox : IExecutorMailbox
{
    private const int MaxPerTurn = 256;

    private readonly ConcurrentQueue<Action> _work = new();
    private readonly TaskRunner _task;
    private readonly Action _turn;
    private volatile ExecutorMailbox? _executor;
    private int _scheduled;

    public TaskMailbox(TaskRunner task)
    {
        _task = task;
        _turn = RunTurn;
    }

    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _work.Enqueue(work);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            _executor?.Post(_turn);
        }
    }

    /// <summary>Moves the task's mailbox to <paramref name="executor"/> (its executor was built or rebuilt).</summary>
    public void Bind(ExecutorMailbox executor)
    {
        _executor = executor;
        Interlocked.Exchange(ref _scheduled, 1);
        executor.Post(_turn);
    }

    private void RunTurn()
    {
        Interlocked.Exchange(ref _scheduled, 0);
        for (var i = 0; i < MaxPerTurn && _work.TryDequeue(out var work); i++)
        {
            try
            {
                work();
            }
            catch (Exception e)
            {
                _task.ReportError(e);
            }
        }

        if (!_work.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            _executor?.Post(_turn);
        }
    }
}
