namespace Squall.Multilang.Bolt;

/// <summary>
/// The host side a bolt's child talks to. <see cref="Gate"/> serializes every collector call the shell bolt
/// makes (from its reader, writer, timer and executor threads), so the collector never sees two at once.
/// </summary>
internal sealed record BoltHost(
    OutputCollector Collector,
    object Gate,
    Action<ShellLogEntry> Log,
    IReadOnlyDictionary<string, IShellMetric> Metrics,
    TimeProvider Time,
    int TaskId);
