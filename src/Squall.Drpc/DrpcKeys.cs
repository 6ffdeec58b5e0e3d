namespace Squall.Drpc;

/// <summary>
/// The DRPC configuration keys (Storm's names where Storm has one). They are read by the <c>squall drpc</c>
/// server and, through the topology's config (submit passes them on from squall.yaml), by DRPC spouts and
/// ReturnResults. Defaults live in <see cref="DrpcOptions"/>.
/// </summary>
public static class DrpcKeys
{
    /// <summary>The DRPC servers topologies pull from: <c>host</c> (with <see cref="InvocationsPort"/>) or <c>host:port</c> entries.</summary>
    public const string Servers = "drpc.servers";

    /// <summary>Where clients call functions over HTTP (Storm's 3774).</summary>
    public const string HttpPort = "drpc.http.port";

    /// <summary>Where topologies fetch requests and return results (Storm's 3773).</summary>
    public const string InvocationsPort = "drpc.invocations.port";

    /// <summary>Seconds a call may take before it fails with a timeout (Storm's default 600).</summary>
    public const string RequestTimeoutSecs = "drpc.request.timeout.secs";

    /// <summary>A call to a function no spout asked for within this many seconds fails at once (Squall's).</summary>
    public const string FunctionIdleSecs = "drpc.function.idle.secs";

    /// <summary>The secret topologies present on the invocations port (Squall's); required by the server.</summary>
    public const string InvocationsToken = "drpc.invocations.token";

    /// <summary>The interface the server listens on (the cluster's bind host); loopback when unset.</summary>
    public const string BindHost = "squall.bind.host";

    /// <summary>Every drpc.* key Squall reads; others are reported as typos.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Servers, HttpPort, InvocationsPort, RequestTimeoutSecs, FunctionIdleSecs, InvocationsToken,
    };

    /// <summary>Keys under <c>drpc.</c> that nobody reads.</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> keys) =>
        [.. keys.Where(k => k.StartsWith("drpc.", StringComparison.Ordinal) && !Known.Contains(k)).Order(StringComparer.Ordinal)];
}
