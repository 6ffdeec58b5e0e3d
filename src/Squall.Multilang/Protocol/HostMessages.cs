namespace Squall.Multilang.Protocol;

/// <summary>A message the host writes to the child. The protocol's shapes are these records, not strings.</summary>
internal abstract record HostMessage;

/// <summary>The first message: where to drop the pid file, the effective configuration and the task's context.</summary>
internal sealed record SetupMessage(string PidDir, IReadOnlyDictionary<string, object?> Conf, IReadOnlyDictionary<string, object?> Context)
    : HostMessage;

/// <summary>A spout command; <paramref name="Id"/> is the child's own message id for ack/fail, "" otherwise.</summary>
internal sealed record SpoutCommandMessage(SpoutCommand Command, object? Id) : HostMessage
{
    public static readonly SpoutCommandMessage Activate = new(SpoutCommand.Activate, string.Empty);
    public static readonly SpoutCommandMessage Deactivate = new(SpoutCommand.Deactivate, string.Empty);
    public static readonly SpoutCommandMessage Next = new(SpoutCommand.Next, string.Empty);
}

/// <summary>A tuple for a bolt (including heartbeats and ticks, which share the channel).</summary>
internal sealed record TupleMessage(string Id, string? Component, string Stream, long Task, IReadOnlyList<object?> Values) : HostMessage
{
    public const string HeartbeatStream = "__heartbeat";

    public static TupleMessage Heartbeat(string id) => new(id, null, HeartbeatStream, -1, []);
}

/// <summary>The tasks a non-direct emit reached, written as a bare array.</summary>
internal sealed record TaskIdsMessage(int[] TaskIds) : HostMessage;

/// <summary>The spout commands, named on the wire in lower case.</summary>
internal enum SpoutCommand
{
    Activate,
    Deactivate,
    Next,
    Ack,
    Fail,
}
