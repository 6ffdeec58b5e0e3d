using System.Globalization;
using System.Security.Cryptography;
using Squall.Drpc.Invocations;

namespace Squall.Drpc.Server;

/// <summary>
/// Every live request of one DRPC server (or <see cref="LocalDrpc"/>), driven by <see cref="DrpcRequestLifecycle"/>.
/// Synchronous and single-threaded (its host holds a lock around it), with time passed in, so the whole
/// table is unit-tested on a manual clock. Each method returns the answers to deliver to callers; the
/// table never calls anyone.
/// <para>Ids are a random per-table prefix plus a counter: a restarted server never accepts a result meant
/// for a request of its previous life.</para>
/// <para>"Served": a function is served while some spout asked for it within <c>drpc.function.idle.secs</c>.
/// A call to an unserved function fails at once, except during the first idle period after the server
/// started (spouts reconnecting after a restart have not asked yet): then it waits, and fails on a tick
/// if the function is still unserved one idle period after the call.</para>
/// </summary>
internal sealed class DrpcRequestTable(DrpcTimeouts timeouts, DateTimeOffset startedAt)
{
    private readonly Dictionary<string, DrpcRequestState> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<string>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastAsked = new(StringComparer.Ordinal);
    private readonly string _prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + "-";
    private long _next;

    public DrpcTimeouts Timeouts => timeouts;

    /// <summary>Requests not yet answered.</summary>
    public int Count => _live.Count;

    /// <summary>Accepts a call (its id), or rejects it at once (the outcome) when no topology serves the function.</summary>
    public (string? Id, DrpcOutcome? Rejected) Call(string function, string args, DateTimeOffset now)
    {
        if (now - startedAt >= timeouts.FunctionIdle && !Served(function, now))
        {
            return (null, DrpcRequestLifecycle.Unserved(function, timeouts.FunctionIdle));
        }

        var id = _prefix + (++_next).ToString(CultureInfo.InvariantCulture);
        _live[id] = DrpcRequestState.Called(id, function, args, now);
        if (!_waiting.TryGetValue(function, out var queue))
        {
            _waiting[function] = queue = new Queue<string>();
        }

        queue.Enqueue(id);
        return (id, null);
    }

    /// <summary>A spout asks for up to <paramref name="max"/> requests of <paramref name="function"/>; the oldest first.</summary>
    public IReadOnlyList<DrpcInvocation> Fetch(string function, int max, DateTimeOffset now)
    {
        _lastAsked[function] = now;
        if (!_waiting.TryGetValue(function, out var queue) || queue.Count == 0)
        {
            return [];
        }

        var fetched = new List<DrpcInvocation>(Math.Min(max, queue.Count));
        while (fetched.Count < max && queue.TryDequeue(out var id))
        {
            // Requests answered while queued (timed out, caller gone) are skipped here, not searched for there.
            if (_live.TryGetValue(id, out var state) && state.Kind == DrpcRequestKind.Waiting)
            {
                _live[id] = DrpcRequestLifecycle.Step(state, new DrpcRequestInput.Fetched(), now, timeouts).State;
                fetched.Add(new DrpcInvocation(id, state.Args));
            }
        }

        return fetched;
    }

    /// <summary>Whether <paramref name="function"/> has requests waiting for a spout.</summary>
    public bool HasWaiting(string function) => _waiting.TryGetValue(function, out var queue) && queue.Count > 0;

    /// <summary>The topology's result or failure for <paramref name="id"/>; the answer for its caller, or null when the id is unknown or already answered.</summary>
    public DrpcOutcome? Return(DrpcReturn value, DateTimeOffset now) => Apply(
        value.Id,
        value.Error is null ? new DrpcRequestInput.Result(value.Result ?? string.Empty) : new DrpcRequestInput.Failure(value.Error),
        now);

    /// <summary>The caller went away (cancelled, disconnected): the request is dropped; a late result is ignored.</summary>
    public void Forget(string id) => _live.Remove(id);

    /// <summary>Time passed: requests that timed out, and waiting requests whose function nobody serves, are answered.</summary>
    public List<(string Id, DrpcOutcome Outcome)> Tick(DateTimeOffset now)
    {
        var answers = new List<(string, DrpcOutcome)>();
        foreach (var state in _live.Values.ToList())
        {
            var transition = DrpcRequestLifecycle.Step(state, new DrpcRequestInput.Tick(Served(state.Function, now)), now, timeouts);
            Settle(state.Id, transition, answers);
        }

        return answers;
    }

    /// <summary>The server is stopping: every live request is answered with a shutdown error.</summary>
    public List<(string Id, DrpcOutcome Outcome)> Shutdown(DateTimeOffset now)
    {
        var answers = new List<(string, DrpcOutcome)>();
        foreach (var state in _live.Values.ToList())
        {
            Settle(state.Id, DrpcRequestLifecycle.Step(state, new DrpcRequestInput.Shutdown(), now, timeouts), answers);
        }

        _waiting.Clear();
        return answers;
    }

    private DrpcOutcome? Apply(string id, DrpcRequestInput input, DateTimeOffset now)
    {
        if (!_live.TryGetValue(id, out var state))
        {
            return null;
        }

        var answers = new List<(string, DrpcOutcome)>(1);
        Settle(id, DrpcRequestLifecycle.Step(state, input, now, timeouts), answers);
        return answers.Count == 0 ? null : answers[0].Item2;
    }

    private void Settle(string id, DrpcRequestTransition transition, List<(string, DrpcOutcome)> answers)
    {
        if (transition.Reply is { } reply)
        {
            answers.Add((id, reply));
        }

        if (transition.State.Kind == DrpcRequestKind.Done)
        {
            _live.Remove(id);
        }
        else
        {
            _live[id] = transition.State;
        }
    }

    private bool Served(string function, DateTimeOffset now) =>
        _lastAsked.TryGetValue(function, out var asked) && now - asked < timeouts.FunctionIdle;
}
