using System.Collections.Concurrent;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>
/// Work that other threads hand to one executor (Flink's task mailbox): any thread posts, only the executor
/// thread runs it, between inbox batches, so what runs may use the collectors of the executor's tasks.
/// </summary>
/// <remarks>
/// A post wakes the executor through its inbox's control queue, once per drain (the flag): the first post
/// after a drain sends the wake-up, later ones ride on it. The flag is cleared before draining, so a post
/// racing with a drain always either is taken by it or sends a new wake-up — nothing is left behind asleep.
/// A drain runs only what was queued when it began, so work that posts more work cannot hold the executor.
/// Posts come from <see cref="TaskMailbox"/>, one per task at a time, which reports errors of the work itself.
/// </remarks>
internal sealed class ExecutorMailbox
{
    private readonly ConcurrentQueue<Action> _work = new();
    private readonly Inbox _inbox;
    private int _signalled;

    public ExecutorMailbox(Inbox inbox) => _inbox = inbox;

    /// <summary>Queues <paramref name="work"/> for the executor thread; thread-safe, never blocks.</summary>
    public void Post(Action work)
    {
        _work.Enqueue(work);
        if (Interlocked.CompareExchange(ref _signalled, 1, 0) == 0)
        {
            _inbox.Post(new ControlMessage(ControlKind.Mailbox));
        }
    }

    /// <summary>On the executor thread: runs the work queued so far; true if there was any.</summary>
    public bool Drain()
    {
        Interlocked.Exchange(ref _signalled, 0);
        var count = _work.Count;
        var ran = false;
        while (count-- > 0 && _work.TryDequeue(out var work))
        {
            ran = true;
            work();
        }

        return ran;
    }
}
