namespace Squall.Cluster;

/// <summary>A level-triggered wake-up for a daemon loop: many pokes between two waits wake it once.</summary>
internal sealed class Signal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Dispose() => _semaphore.Dispose();

    public void Set()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set.
        }
    }

    public Task SetAsync(ZooKeeper.WatchedEvent _)
    {
        Set();
        return Task.CompletedTask;
    }

    /// <summary>Waits for a poke or <paramref name="period"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan period, CancellationToken cancel)
    {
        try
        {
            await _semaphore.WaitAsync(period, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The caller checks its token.
        }
    }
}
