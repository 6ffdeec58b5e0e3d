using System.Threading.Channels;

namespace Squall.ZooKeeper.Tests.Infrastructure;

/// <summary>Collects watch events and state changes in delivery order, and lets a test await the next one.</summary>
public sealed class EventRecorder<T>
{
    private readonly Channel<T> _events = Channel.CreateUnbounded<T>();

    public Func<WatchedEvent, Task> Watcher(Func<WatchedEvent, T> map) => e =>
    {
        _events.Writer.TryWrite(map(e));
        return Task.CompletedTask;
    };

    public void Add(T item) => _events.Writer.TryWrite(item);

    public Task<T> NextAsync() => _events.Reader.ReadAsync().AsTask().WaitAsync(Wait.Long);

    /// <summary>Skips items until one matches; returns it.</summary>
    public async Task<T> UntilAsync(Func<T, bool> predicate)
    {
        while (true)
        {
            var item = await NextAsync();
            if (predicate(item))
            {
                return item;
            }
        }
    }

    public bool TryTake(out T item) => _events.Reader.TryRead(out item!);
}
