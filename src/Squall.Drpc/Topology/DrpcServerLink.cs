using System.Threading.Channels;
using Squall.Drpc.Invocations;

namespace Squall.Drpc.Topology;

/// <summary>
/// A spout's or ReturnResults' connection to one DRPC server: a fetch loop (long poll) that fills an inbox
/// the executor drains in NextTuple, and a return loop that sends results and failures in batches. Both
/// run off the executor's thread, so the collector is only touched from NextTuple/Execute (Storm 2's rule).
/// A server that is down is retried with backoff; its requests are lost with it (their callers were
/// connected to it and have their error), later ones flow again once it is back.
/// </summary>
internal sealed class DrpcServerLink : IDisposable
{
    /// <summary>Requests fetched but not yet emitted beyond which fetching pauses (the spout is behind).</summary>
    public const int InboxLimit = 1024;

    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);
    private readonly IDrpcInvocations _invocations;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<DrpcReturn> _returns = Channel.CreateUnbounded<DrpcReturn>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<string>? _onError;
    private Task _fetching = Task.CompletedTask;
    private readonly Task _returning;
    private volatile bool _active = true;

    public DrpcServerLink(IDrpcInvocations invocations, string hostForReturnInfo, int portForReturnInfo, Action<string>? onError)
    {
        _invocations = invocations;
        ReturnHost = hostForReturnInfo;
        ReturnPort = portForReturnInfo;
        _onError = onError;
        _returning = Task.Run(ReturnLoopAsync);
    }

    public string ReturnHost { get; }

    public int ReturnPort { get; }

    /// <summary>Fetched requests, drained by the spout's NextTuple.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<DrpcInvocation> Inbox { get; } = new();

    public bool Active
    {
        get => _active;
        set => _active = value;
    }

    /// <summary>Starts pulling requests of <paramref name="function"/>.</summary>
    public void StartFetching(string function) => _fetching = Task.Run(() => FetchLoopAsync(function));

    /// <summary>Queues a result or failure for this server; never blocks the executor.</summary>
    public void Return(DrpcReturn value) => _returns.Writer.TryWrite(value);

    public void Dispose()
    {
        _returns.Writer.TryComplete();
        _stop.Cancel();
        try
        {
            // Let queued results go out (briefly) so a topology being killed still answers what it computed.
            Task.WaitAll([_fetching, _returning], TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // Cancelled loops; nothing left to do.
        }

        _invocations.Dispose();
        _stop.Dispose();
    }

    private async Task FetchLoopAsync(string function)
    {
        var backoff = TimeSpan.FromMilliseconds(50);
        var failing = false;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (!_active || Inbox.Count >= InboxLimit)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), _stop.Token).ConfigureAwait(false);
                    continue;
                }

                foreach (var request in await _invocations.FetchAsync(function, InboxLimit - Inbox.Count, LongPoll, _stop.Token).ConfigureAwait(false))
                {
                    Inbox.Enqueue(request);
                }

                failing = false;
                backoff = TimeSpan.FromMilliseconds(50);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DrpcException or HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
            {
                if (!failing)
                {
                    _onError?.Invoke($"cannot fetch DRPC requests for '{function}' from {ReturnHost}:{ReturnPort}: {e.Message}; retrying");
                    failing = true;
                }

                try
                {
                    await Task.Delay(backoff, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task ReturnLoopAsync()
    {
        var batch = new List<DrpcReturn>();
        var reader = _returns.Reader;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (batch.Count < 1000 && reader.TryRead(out var value))
                {
                    batch.Add(value);
                }

                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await _invocations.ReturnAsync(batch, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is DrpcException or HttpRequestException or OperationCanceledException)
                {
                    // The server is down or restarted: the callers of these requests were connected to it and
                    // already have their error; retrying would only answer nobody.
                    _onError?.Invoke($"could not return {batch.Count} DRPC results to {ReturnHost}:{ReturnPort}: {e.Message}");
                }

                batch.Clear();
            }
        }
        catch (ChannelClosedException)
        {
            // Disposed.
        }
    }
}
