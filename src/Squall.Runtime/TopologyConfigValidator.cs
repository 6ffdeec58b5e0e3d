namespace Squall.Runtime;

/// <summary>Checks a topology configuration the way a worker will read it, so a submit can be refused up front.</summary>
public static class TopologyConfigValidator
{
    /// <summary>
    /// Throws <see cref="InvalidTopologyException"/> naming every bad or unknown <c>topology.*</c> key; returns
    /// the one warning naming the keys that are accepted without effect, or null when there are none.
    /// </summary>
    public static string? Validate(Config conf)
    {
        ArgumentNullException.ThrowIfNull(conf);
        TopologyOptions.From(conf);
        return IgnoredKeysWarning(conf);
    }

    /// <summary>The warning for Storm keys Squall accepts but does not act on, or null.</summary>
    public static string? IgnoredKeysWarning(Config conf)
    {
        ArgumentNullException.ThrowIfNull(conf);
        var ignored = conf.IgnoredKeys();
        return ignored.Count == 0
            ? null
            : $"Squall accepts these Storm keys but does not act on them: {string.Join(", ", ignored)}.";
    }

    /// <summary>Also checks what depends on the topology: each windowed bolt's window against the message timeout.</summary>
    public static void Validate(Config conf, StormTopology topology)
    {
        Validate(conf);
        ArgumentNullException.ThrowIfNull(topology);
        Windowing.WindowedTopologyValidator.Validate(conf, topology);
    }
}
