using Squall.Multilang.Protocol;

namespace Squall.Multilang;

/// <summary>The effective settings of one shell component task, read once from the merged configuration.</summary>
/// <param name="Timeout">Child silence limit (<c>topology.subprocess.timeout.secs</c>, else <c>supervisor.worker.timeout.secs</c>, default 30 s).</param>
/// <param name="MaxPending">Tuples queued for a bolt's child (<c>topology.shellbolt.max.pending</c>, default 100).</param>
/// <param name="Serializer">The codec (<c>topology.multilang.serializer</c>, default json).</param>
/// <param name="ResourcesDirectory">Where the child runs.</param>
internal sealed record ShellOptions(TimeSpan Timeout, int MaxPending, IShellSerializer Serializer, string ResourcesDirectory)
{
    public const int DefaultTimeoutSecs = 30;

    public static ShellOptions From(Config conf, string? resourcesOverride)
    {
        var secs = conf.GetNullableInt(Config.TopologySubprocessTimeoutSecs)
            ?? conf.GetNullableInt(MultilangConfig.SupervisorWorkerTimeoutSecs)
            ?? DefaultTimeoutSecs;
        var maxPending = conf.GetInt(Config.TopologyShellBoltMaxPending, (int)Config.GetDefault(Config.TopologyShellBoltMaxPending)!);
        if (secs <= 0 || maxPending <= 0)
        {
            throw new ArgumentException(
                $"{Config.TopologySubprocessTimeoutSecs} and {Config.TopologyShellBoltMaxPending} must be positive (got {secs} and {maxPending}).");
        }

        return new ShellOptions(
            TimeSpan.FromSeconds(secs),
            maxPending,
            ShellSerializers.FromName(conf.GetString(Config.TopologyMultilangSerializer)),
            ResolveResources(resourcesOverride ?? conf.GetString(MultilangConfig.ResourcesDir)));
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
