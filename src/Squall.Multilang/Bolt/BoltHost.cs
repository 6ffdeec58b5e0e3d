namespace Squall.Multilang.Bolt;

/// <summary>
/// The host side a bolt's child talks to. The collector is only ever called on the executor thread: the
/// reader thread posts to <see cref="Mailbox"/> to get there.
/// </summary>
internal sealed record BoltHost(
    OutputCollector Collector,
    IExecutorMailbox Mailbox,
    Action<ShellLogEntry> Log,
    IReadOnlyDictionary<string, IShellMetric> Metrics,
    TimeProvider Time,
    int TaskId);
