namespace Squall.Runtime;

/// <summary>Settings of a <see cref="LocalCluster"/>.</summary>
public sealed record LocalClusterOptions
{
    /// <summary>The clock for timeouts, ticks and kill waits; tests pass a manual one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Called for every component error (in addition to keeping it); defaults to writing it to stderr.</summary>
    public Action<ComponentError>? OnError { get; init; } = e => Console.Error.WriteLine(e);

    /// <summary>
    /// Where log lines go: the warning about keys accepted without effect at submit, and every emitted tuple of
    /// a component with <c>topology.debug</c>. Defaults to standard error; null discards them.
    /// </summary>
    public Action<string>? Log { get; init; } = Console.Error.WriteLine;
}
