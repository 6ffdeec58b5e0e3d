using System.Globalization;

namespace Squall.Drpc.Server;

/// <summary>
/// A DRPC request's life as a pure state machine (the shape of the supervisor's <c>Slot</c>):
/// <code>
///   call ──► Waiting ──a spout fetches it──► Fetched ──result──────────────► Done (result)
///              │                                │ ──failure (reason)────────► Done (failed: the reason)
///              │ ──nobody serves the function──►│────────────────────────────► Done (no such function)
///              └──────── drpc.request.timeout.secs since the call ──────────► Done (timed out)
///   any live state ──server stopping──► Done (server shutdown)
/// </code>
/// Step never touches a socket, a thread or a clock: time comes in with the input, and the reply to send
/// the caller comes out. A result or failure for a request that is already Done (late, duplicated, or for
/// a request that timed out) changes nothing: the caller was answered once. Storm's DRPC learns of a failed
/// tuple tree only through its timeout; here a failure is an input, so the caller hears it at once.
/// </summary>
internal static class DrpcRequestLifecycle
{
    public static DrpcRequestTransition Step(DrpcRequestState state, DrpcRequestInput input, DateTimeOffset now, DrpcTimeouts timeouts)
    {
        if (state.Kind == DrpcRequestKind.Done)
        {
            return Stay(state);
        }

        return input switch
        {
            DrpcRequestInput.Fetched => state.Kind == DrpcRequestKind.Waiting
                ? Stay(state with { Kind = DrpcRequestKind.Fetched, Since = now })
                : Stay(state),
            DrpcRequestInput.Result result => Finish(state, now, DrpcOutcome.Success(result.Value)),
            DrpcRequestInput.Failure failure => Finish(state, now, DrpcOutcome.Failure(
                DrpcErrorKind.Failed, $"DRPC request for '{state.Function}' failed: {failure.Reason}")),
            DrpcRequestInput.Tick tick => OnTick(state, tick, now, timeouts),
            DrpcRequestInput.Shutdown => Finish(state, now, DrpcOutcome.Failure(
                DrpcErrorKind.ServerShutdown, $"the DRPC server stopped while the request for '{state.Function}' was {Describe(state.Kind)}")),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "Unknown DRPC request input."),
        };
    }

    /// <summary>The error for a function no spout has asked for: <paramref name="idle"/> is <c>drpc.function.idle.secs</c>.</summary>
    public static DrpcOutcome Unserved(string function, TimeSpan idle) => DrpcOutcome.Failure(
        DrpcErrorKind.NoSuchFunction,
        $"no topology serves DRPC function '{function}': no DRPC spout asked this server for it in the last {Seconds(idle)} s (drpc.function.idle.secs); is the topology submitted, active, and configured with this server in drpc.servers?");

    private static DrpcRequestTransition OnTick(DrpcRequestState state, DrpcRequestInput.Tick tick, DateTimeOffset now, DrpcTimeouts timeouts)
    {
        if (now - state.Created >= timeouts.Request)
        {
            return Finish(state, now, DrpcOutcome.Failure(
                DrpcErrorKind.TimedOut,
                $"DRPC request for '{state.Function}' timed out after {Seconds(timeouts.Request)} s (drpc.request.timeout.secs) while {Describe(state.Kind)}"));
        }

        // Only a request nobody took can be for a function nobody serves; once fetched, a topology has it.
        return state.Kind == DrpcRequestKind.Waiting && !tick.FunctionServed && now - state.Created >= timeouts.FunctionIdle
            ? Finish(state, now, Unserved(state.Function, timeouts.FunctionIdle))
            : Stay(state);
    }

    private static string Describe(DrpcRequestKind kind) => kind == DrpcRequestKind.Waiting
        ? "waiting for a DRPC spout to fetch it"
        : "the topology computed it";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static DrpcRequestTransition Finish(DrpcRequestState state, DateTimeOffset now, DrpcOutcome outcome) =>
        new(state with { Kind = DrpcRequestKind.Done, Since = now }, outcome);

    private static DrpcRequestTransition Stay(DrpcRequestState state) => new(state, null);
}
