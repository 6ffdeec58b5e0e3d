using Squall.Drpc.Invocations;

namespace Squall.Drpc.Server;

/// <summary>
/// The thread-safe heart shared by <c>squall drpc</c> and <see cref="LocalDrpc"/>: callers wait on their
/// request; spouts long-poll for requests; results and failures complete the callers. One lock guards the
/// <see cref="DrpcRequestTable"/>; answers are delivered outside it. A timer (on the injected clock) ticks
/// the table for timeouts and unserved functions.
/// </summary>
internal sealed class DrpcEngine : IDrpcInvocations
{
    private readonly Lock _lock = new();
    private readonly DrpcRequestTable _table;
    private readonly Dictionary<string, TaskCompletionSource<DrpcOutcome>> _callers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _fetchers = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ITimer _ticker;
    private bool _stopped;

    public DrpcEngine(DrpcTimeouts timeouts, TimeProvider time)
    {
        _time = time;
        _table = new DrpcRequestTable(timeouts, time.GetUtcNow());
        // A tick every quarter of the shorter clock (at most a second): answers come late by at most that.
        var period = TimeSpan.FromTicks(Math.Clamp(Math.Min(timeouts.Request.Ticks, timeouts.FunctionIdle.Ticks) / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _ticker = time.CreateTimer(_ => Tick(), null, period, period);
    }

    public DrpcTimeouts Timeouts => _table.Timeouts;

    /// <summary>Requests not yet answered.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _table.Count;
            }
        }
    }

    /// <summary>Calls <paramref name="function"/> and waits for its result; a failure, timeout or unserved function throws <see cref="DrpcException"/>.</summary>
    public async Task<string> ExecuteAsync(string function, string args, CancellationToken cancel = default)
    {
        var caller = new TaskCompletionSource<DrpcOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        string id;
        TaskCompletionSource? fetcher;
        lock (_lock)
        {
            if (_stopped)
            {
                throw new DrpcException(DrpcErrorKind.ServerShutdown, "the DRPC server is stopping");
            }

            var (accepted, rejected) = _table.Call(function, args, _time.GetUtcNow());
            if (rejected is not null)
            {
                throw rejected.ToException();
            }

            id = accepted!;
            _callers[id] = caller;
            _fetchers.Remove(function, out fetcher);
        }

        fetcher?.TrySetResult();
        try
        {
            var outcome = await caller.Task.WaitAsync(cancel).ConfigureAwait(false);
            return outcome.Succeeded ? outcome.Result! : throw outcome.ToException();
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                _callers.Remove(id);
                _table.Forget(id);
            }

            throw;
        }
    }

    public async Task<IReadOnlyList<DrpcInvocation>> FetchAsync(string function, int max, TimeSpan wait, CancellationToken cancel)
    {
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            Task woken;
            lock (_lock)
            {
                if (_stopped)
                {
                    throw new DrpcException(DrpcErrorKind.ServerShutdown, "the DRPC server is stopping");
                }

                var fetched = _table.Fetch(function, max, _time.GetUtcNow());
                if (fetched.Count > 0 || deadline - _time.GetUtcNow() <= TimeSpan.Zero)
                {
                    return fetched;
                }

                // Several spouts may wait on one function: they share one signal, and all re-check on it.
                if (!_fetchers.TryGetValue(function, out var signal))
                {
                    _fetchers[function] = signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                woken = signal.Task;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var delay = Task.Delay(deadline - _time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero, _time, timeout.Token);
            await Task.WhenAny(woken, delay).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
            cancel.ThrowIfCancellationRequested();
        }
    }

    public Task ReturnAsync(IReadOnlyList<DrpcReturn> returns, CancellationToken cancel)
    {
        Return(returns);
        return Task.CompletedTask;
    }

    /// <summary>Applies results and failures; returns how many answered a live request.</summary>
    public int Return(IReadOnlyList<DrpcReturn> returns)
    {
        var answers = new List<(TaskCompletionSource<DrpcOutcome>, DrpcOutcome)>(returns.Count);
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            foreach (var value in returns)
            {
                if (_table.Return(value, now) is { } outcome && _callers.Remove(value.Id, out var caller))
                {
                    answers.Add((caller, outcome));
                }
            }
        }

        foreach (var (caller, outcome) in answers)
        {
            caller.TrySetResult(outcome);
        }

        return answers.Count;
    }

    /// <summary>Runs the timeouts now (the timer does this periodically).</summary>
    public void Tick() => Deliver(table => table.Tick(_time.GetUtcNow()));

    /// <summary>Answers every live request with a shutdown error and refuses new ones.</summary>
    public void Stop()
    {
        List<TaskCompletionSource> fetchers;
        lock (_lock)
        {
            _stopped = true;
            fetchers = [.. _fetchers.Values];
            _fetchers.Clear();
        }

        Deliver(table => table.Shutdown(_time.GetUtcNow()));
        fetchers.ForEach(f => f.TrySetResult());
    }

    public void Dispose()
    {
        _ticker.Dispose();
        Stop();
    }

    private void Deliver(Func<DrpcRequestTable, List<(string Id, DrpcOutcome Outcome)>> step)
    {
        var answers = new List<(TaskCompletionSource<DrpcOutcome>, DrpcOutcome)>();
        lock (_lock)
        {
            foreach (var (id, outcome) in step(_table))
            {
                if (_callers.Remove(id, out var caller))
                {
                    answers.Add((caller, outcome));
                }
            }
        }

        foreach (var (caller, outcome) in answers)
        {
            caller.TrySetResult(outcome);
        }
    }
}
