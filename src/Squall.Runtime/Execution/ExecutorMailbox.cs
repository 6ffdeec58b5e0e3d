using System.Collections.Concurrent;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>
/// Actions that other threads hand to an executor, run by the executor itself between batches (Flink's
/// mailbox): the thread-safe way for a component's helper thread (a shell bolt's reader, an async client's
/// callback) to get back onto the executor, where its collector may be used, with no lock on the hot path.
/// </summary>
/// <remarks>
/// <see cref="Post"/> wakes the executor (activates it on the pool, or unparks a spout's thread). The executor
/// runs the actions that were queued when it started draining, in order, each guarded: an exception becomes the
/// component's reported error. Actions run with the executor's collectors usable, as if inside Execute/NextTuple.
/// </remarks>
internal sealed class ExecutorMailbox
{
    private readonly ConcurrentQueue<Action> _actions = new();
    private readonly Inbox _inbox;

    public ExecutorMailbox(Inbox inbox) => _inbox = inbox;

    public bool IsEmpty => _actions.IsEmpty;

    /// <summary>Queues <paramref name="action"/> to run on the executor and wakes it; callable from any thread.</summary>
    public void Post(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.Enqueue(action);
        _inbox.Wake();
    }

    /// <summary>Runs the actions queued so far (not those they post); true when any ran. Executor only.</summary>
    public bool Drain(TaskRunner owner)
    {
        if (_actions.IsEmpty)
        {
            return false; // the common case, checked without ConcurrentQueue.Count's snapshot
        }

        var count = _actions.Count;
        for (var i = 0; i < count && _actions.TryDequeue(out var action); i++)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                owner.ReportError(e);
            }
        }

        return count > 0;
    }
}
