using System.Diagnostics;
using System.Threading.Channels;

namespace Squall.ZooKeeper;

/// <summary>
/// Runs watch callbacks and state-change handlers one at a time, in the order the server produced them,
/// off the socket reader (a slow callback must not stall replies, and may itself await ZooKeeper calls).
/// </summary>
internal sealed class EventDispatcher
{
    private readonly Channel<Func<Task>> _queue = Channel.CreateUnbounded<Func<Task>>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Task _loop;

    public EventDispatcher() => _loop = Task.Run(RunAsync);

    public Task Completion => _loop;

    public void Post(Func<Task> work) => _queue.Writer.TryWrite(work);

    public void Complete() => _queue.Writer.TryComplete();

    private async Task RunAsync()
    {
        await foreach (var work in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await work();
            }
#pragma warning disable CA1031 // A failing user callback must not stop delivery of the events after it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Trace.TraceError($"Squall.ZooKeeper: a watch or state callback threw: {exception}");
            }
        }
    }
}
