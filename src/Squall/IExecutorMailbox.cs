namespace Squall;

/// <summary>
/// Hands work from any thread to the executor thread that runs a task, where its collector may be used.
/// </summary>
/// <remarks>
/// As in Storm 2, collectors are not thread-safe: a component emits, acks and fails only on its executor
/// thread. A component that learns of results on another thread (a callback of an asynchronous client, a
/// timer, the reader thread of a shell bolt's child) posts the rest of the work here:
/// <code>
/// client.Lookup(key).ContinueWith(t =&gt; _context.Mailbox.Post(() =&gt;
/// {
///     _collector.Emit(input, new Values(key, t.Result));
///     _collector.Ack(input);
/// }));
/// </code>
/// The executor runs posted work between tuple batches, in the order it was posted, and a post wakes an idle
/// executor. Work runs only while the topology runs; an exception it throws is reported as the component's error.
/// </remarks>
public interface IExecutorMailbox
{
    /// <summary>Queues <paramref name="work"/> to run on the task's executor thread; thread-safe, never blocks.</summary>
    void Post(Action work);
}
