namespace Squall.Multilang.Bolt;

/// <summary>The host side a bolt's child talks to. The collector is only ever called from the executor thread.</summary>
internal sealed record BoltHost(
    OutputCollector Collector,
    Action<ShellLogEntry> Log,
    IReadOnlyDictionary<string, IShellMetric> Metrics,
    TimeProvider Time,
    int TaskId);
