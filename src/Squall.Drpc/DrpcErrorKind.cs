namespace Squall.Drpc;

/// <summary>Why a DRPC call did not return a result (Storm's <c>DRPCExceptionType</c>, plus the cases Squall tells apart).</summary>
public enum DrpcErrorKind
{
    /// <summary>The request's tuple tree failed; the message names the component that failed it, or says it timed out in the topology.</summary>
    Failed,

    /// <summary>No result within <c>drpc.request.timeout.secs</c>.</summary>
    TimedOut,

    /// <summary>No topology serves the function: no DRPC spout asked for it recently.</summary>
    NoSuchFunction,

    /// <summary>The DRPC server stopped (or restarted) while the request was in flight.</summary>
    ServerShutdown,

    /// <summary>The request itself was invalid (bad function name, body too large, ...).</summary>
    BadRequest,

    /// <summary>The DRPC server could not be reached, or answered something that is not DRPC.</summary>
    Unavailable,
}
