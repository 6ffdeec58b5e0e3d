namespace Squall.Runtime;

/// <summary>Checks a topology configuration the way a worker will read it, so a submit can be refused up front.</summary>
public static class TopologyConfigValidator
{
    /// <summary>Throws <see cref="InvalidTopologyException"/> naming every bad or unknown <c>topology.*</c> key.</summary>
    public static void Validate(Config conf)
    {
        ArgumentNullException.ThrowIfNull(conf);
        TopologyOptions.From(conf);
    }

    /// <summary>Also checks what depends on the topology: each windowed bolt's window against the message timeout.</summary>
    public static void Validate(Config conf, StormTopology topology)
    {
        Validate(conf);
        ArgumentNullException.ThrowIfNull(topology);
        Windowing.WindowedTopologyValidator.Validate(conf, topology);
    }
}
