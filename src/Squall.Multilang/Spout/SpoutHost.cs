namespace Squall.Multilang.Spout;

/// <summary>The host side a spout's child talks to; all calls come from the spout's executor thread.</summary>
internal sealed record SpoutHost(
    SpoutOutputCollector Collector,
    Action<ShellLogEntry> Log,
    IReadOnlyDictionary<string, IShellMetric> Metrics,
    TimeProvider Time);
