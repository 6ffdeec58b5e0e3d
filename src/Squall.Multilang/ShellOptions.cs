using Squall.Multilang.Protocol;

namespace Squall.Multilang;

/// <summary>The effective settings of one shell component task, read once from the merged configuration.</summary>
/// <param name="Timeout">Child silence limit (<c>topology.subprocess.timeout.secs</c>, else <c>supervisor.worker.timeout.secs</c>, default 30 s).</param>
/// <param name="MaxPending">Tuples queued for a bolt's child (<c>topology.shellbolt.max.pending</c>, default 100).</param>
/// <param name="Serializer">The codec (<c>topology.multilang.serializer</c>, default json).</param>
/// <param name="ResourcesDirectory">Where the child runs.</param>
/// <param name="HandshakeTimeout">How long a starting child may take to answer the handshake (<c>squall.multilang.handshake.timeout.secs</c>, default 120 s).</param>
internal sealed record ShellOptions(TimeSpan Timeout, int MaxPending, IShellSerializer Serializer, string ResourcesDirectory, TimeSpan HandshakeTimeout)
{
    public const int DefaultTimeoutSecs = 30;
    public const int DefaultMaxPending = 100;

    /// <summary>
    /// Storm waits for the pid reply without a limit; a limit this generous still lets a slow interpreter, a
    /// heavy import or a long <c>initialize</c> on a loaded machine through, while a child that never answers
    /// is reported (and relaunched with back-off) instead of holding its executor for ever.
    /// </summary>
    public const int DefaultHandshakeTimeoutSecs = 120;

    /// <summary>Storm's default for <c>topology.multilang.serializer</c>, as the child sees it in the handshake conf.</summary>
    public const string DefaultSerializerName = "org.apache.storm.multilang.JsonSerializer";

    public static ShellOptions From(Config conf, string? resourcesOverride)
    {
        var secs = conf.GetNullableInt(Config.TopologySubprocessTimeoutSecs)
            ?? conf.GetNullableInt(MultilangConfig.SupervisorWorkerTimeoutSecs)
            ?? DefaultTimeoutSecs;
        var maxPending = conf.GetInt(Config.TopologyShellBoltMaxPending, DefaultMaxPending);
        var handshakeSecs = conf.GetInt(MultilangConfig.HandshakeTimeoutSecs, DefaultHandshakeTimeoutSecs);
        if (secs <= 0 || maxPending <= 0 || handshakeSecs <= 0)
        {
            throw new ArgumentException(
                $"{Config.TopologySubprocessTimeoutSecs}, {Config.TopologyShellBoltMaxPending} and {MultilangConfig.HandshakeTimeoutSecs} must be positive (got {secs}, {maxPending} and {handshakeSecs}).");
        }

        return new ShellOptions(
            TimeSpan.FromSeconds(secs),
            maxPending,
            ShellSerializers.FromName(conf.GetString(Config.TopologyMultilangSerializer)),
            ResolveResources(resourcesOverride ?? conf.GetString(MultilangConfig.ResourcesDir)),
            TimeSpan.FromSeconds(handshakeSecs));
    }

    internal static string ResolveResources(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        var besideApp = Path.Combine(AppContext.BaseDirectory, "resources");
        var inCurrent = Path.Combine(Directory.GetCurrentDirectory(), "resources");
        return Directory.Exists(besideApp) || !Directory.Exists(inCurrent) ? besideApp : inCurrent;
    }
}
