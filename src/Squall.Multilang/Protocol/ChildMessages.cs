namespace Squall.Multilang.Protocol;

/// <summary>A message read from the child, validated: a malformed one never becomes a record.</summary>
internal abstract record ChildMessage;

/// <summary>The handshake reply.</summary>
internal sealed record PidMessage(long Pid) : ChildMessage;

/// <summary>
/// An emit. <paramref name="Id"/> is a spout's message id (null: unreliable), kept with its wire type;
/// <paramref name="Task"/> is the direct target, null when not direct.
/// </summary>
internal sealed record EmitMessage(
    IReadOnlyList<object?> Tuple,
    object? Id,
    string Stream,
    int? Task,
    IReadOnlyList<string> Anchors,
    bool NeedTaskIds) : ChildMessage;

/// <summary>A bolt acking one of its input tuples.</summary>
internal sealed record AckMessage(string Id) : ChildMessage;

/// <summary>A bolt failing one of its input tuples.</summary>
internal sealed record FailMessage(string Id) : ChildMessage;

/// <summary>A log line at a level.</summary>
internal sealed record LogMessage(ShellLogLevel Level, string Text) : ChildMessage;

/// <summary>An error to report for the component; not fatal.</summary>
internal sealed record ErrorMessage(string Text) : ChildMessage;

/// <summary>An update of a host-side metric.</summary>
internal sealed record MetricsMessage(string Name, object? Params) : ChildMessage;

/// <summary>The end of a spout command, or a bolt's heartbeat answer.</summary>
internal sealed record SyncMessage : ChildMessage
{
    public static readonly SyncMessage Instance = new();
}

/// <summary>A command this host does not know; bolts ignore it, spouts treat it as fatal.</summary>
internal sealed record UnknownMessage(string Command) : ChildMessage;
