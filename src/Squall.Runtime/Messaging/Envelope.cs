using Squall;

namespace Squall.Runtime.Messaging;

/// <summary>
/// One message between executors: a data tuple, or an ack-protocol message that needs no tuple at all.
/// </summary>
/// <remarks>
/// A struct stored inline in <see cref="TupleBatch"/> arrays, so acker traffic allocates nothing: only data
/// tuples carry an object. Layout: 8 (Tuple) + 8 (Reason) + 8 (Root) + 8 (Value) + 4 + 4 + 1 ≈ 48 bytes.
/// </remarks>
internal struct Envelope
{
    public Tuple? Tuple;
    public FailureReason? Reason;
    public long Root;
    public long Value;
    public int TargetTask;
    public int SourceTask;
    public MessageKind Kind;

    public static Envelope ForTuple(Tuple tuple, int targetTask) =>
        new() { Kind = MessageKind.Tuple, Tuple = tuple, TargetTask = targetTask, SourceTask = tuple.SourceTask };

    public static Envelope ForAck(MessageKind kind, int targetTask, long root, long value, int sourceTask, FailureReason? reason = null) =>
        new() { Kind = kind, TargetTask = targetTask, Root = root, Value = value, SourceTask = sourceTask, Reason = reason };
}
