using System.Buffers;
using Squall.Runtime.Messaging;
using Squall.Wire.Codec;

namespace Squall.Runtime.Transport;

/// <summary>
/// Encodes batches of envelopes for the wire, and back. A tuple travels as its source task, stream index,
/// ack ids and values; the receiver resolves component, stream name and fields from its own copy of the
/// topology, so none of them is sent.
/// </summary>
/// <remarks>
/// <code>
/// batch    := varint count, envelope*
/// envelope := kind:u8, target:varint, source:varint, root:i64, value:i64, body
/// body     := (Tuple)          stream:varint, edge:i64, extra:varint, (root:i64, edge:i64)*, n:varint, value*
///           | (Fail|TreeFailed) reason-kind:u8, component:string?, task:varint, message:string?
///           | (others)         nothing
/// </code>
/// </remarks>
internal sealed class EnvelopeCodec
{
    public const byte BatchFrame = 16;

    private readonly TaskLayout _layout;
    private readonly SerializerRegistry? _registry;

    public EnvelopeCodec(TaskLayout layout, SerializerRegistry? registry)
    {
        _layout = layout;
        _registry = registry;
    }

    public void Encode(TupleBatch batch, IBufferWriter<byte> output)
    {
        var writer = new WireWriter<IBufferWriter<byte>>(output, _registry);
        writer.WriteVarUInt32((uint)batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            EncodeOne(ref writer, ref batch.Items[i]);
        }

        writer.Commit();
    }

    /// <summary>
    /// The slow path after <see cref="Encode"/> threw: encodes each envelope alone and leaves out those whose
    /// values cannot be encoded (a user serializer that threw half way included), handing each to
    /// <paramref name="onUnencodable"/>. When that gives a reason, the tuple's trees are failed at once: their
    /// Fail messages take its place in the frame (the receiving worker relays those for ackers elsewhere). So one
    /// bad value costs its tuple and never the frame, the link or the worker.
    /// </summary>
    public void EncodeSkipping(TupleBatch batch, IBufferWriter<byte> output, Func<Envelope, WireEncodingException, FailureReason?> onUnencodable)
    {
        var good = new ArrayBufferWriter<byte>();
        var one = new ArrayBufferWriter<byte>();
        var count = 0u;
        for (var i = 0; i < batch.Count; i++)
        {
            one.ResetWrittenCount();
            try
            {
                var writer = new WireWriter<IBufferWriter<byte>>(one, _registry);
                EncodeOne(ref writer, ref batch.Items[i]);
                writer.Commit();
            }
            catch (WireEncodingException e)
            {
                count += WriteFailures(good, batch.Items[i], onUnencodable(batch.Items[i], e));
                continue;
            }

            good.Write(one.WrittenSpan);
            count++;
        }

        var result = new WireWriter<IBufferWriter<byte>>(output, _registry);
        result.WriteVarUInt32(count);
        result.WriteRaw(good.WrittenSpan);
        result.Commit();
    }

    private uint WriteFailures(IBufferWriter<byte> output, Envelope dropped, FailureReason? reason)
    {
        if (reason is null || dropped.Tuple is not { } tuple)
        {
            return 0;
        }

        var count = 0u;
        var writer = new WireWriter<IBufferWriter<byte>>(output, _registry);
        foreach (var failure in TreeFailures.Of(_layout, tuple, dropped.SourceTask, reason))
        {
            var envelope = failure;
            EncodeOne(ref writer, ref envelope);
            count++;
        }

        writer.Commit();
        return count;
    }

    private static void EncodeOne(ref WireWriter<IBufferWriter<byte>> writer, ref Envelope e)
    {
        writer.WriteByte((byte)e.Kind);
        writer.WriteVarInt32(e.TargetTask);
        writer.WriteVarInt32(e.SourceTask);
        writer.WriteInt64(e.Root);
        writer.WriteInt64(e.Value);
        if (e.Kind == MessageKind.Tuple)
        {
            WriteTuple(ref writer, e.Tuple!);
        }
        else if (e.Kind is MessageKind.Fail or MessageKind.TreeFailed)
        {
            WriteReason(ref writer, e.Reason!);
        }
    }

    /// <summary>
    /// Decodes a batch; throws <see cref="WireFormatException"/> on anything malformed, including unknown tasks or
    /// streams. A tuple with a value that arrived intact but cannot be decoded here (its type is unknown to this
    /// worker: <see cref="UndecodableValueException"/>) goes to <paramref name="undecodable"/>, with what it
    /// holds so far, and the rest of the batch is read on; without that list the exception is thrown.
    /// </summary>
    public void Decode(ReadOnlySpan<byte> payload, List<Envelope> into, List<(Envelope Envelope, UndecodableValueException Error)>? undecodable = null)
    {
        var reader = new WireReader(payload, _registry);
        var count = reader.ReadLength(minBytesPerItem: 19);
        for (var i = 0; i < count; i++)
        {
            var kind = (MessageKind)reader.ReadByte();
            var envelope = new Envelope
            {
                Kind = kind,
                TargetTask = CheckTask(reader.ReadVarInt32()),
                SourceTask = reader.ReadVarInt32(),
                Root = reader.ReadInt64(),
                Value = reader.ReadInt64(),
            };
            switch (kind)
            {
                case MessageKind.Tuple:
                    UndecodableValueException? error = null;
                    envelope.Tuple = ReadTuple(ref reader, envelope.SourceTask, ref error);
                    if (error is not null)
                    {
                        (undecodable ?? throw error).Add((envelope, error));
                        continue;
                    }

                    break;
                case MessageKind.Fail or MessageKind.TreeFailed:
                    envelope.Reason = ReadReason(ref reader);
                    break;
                case > MessageKind.TreeFailed:
                    throw new WireFormatException($"Unknown message kind {(byte)kind}.");
            }

            into.Add(envelope);
        }

        if (!reader.End)
        {
            throw new WireFormatException($"{reader.Remaining} unexpected bytes after a batch of {count} envelopes.");
        }
    }

    private static void WriteTuple(ref WireWriter<IBufferWriter<byte>> writer, Tuple tuple)
    {
        writer.WriteVarInt32(tuple.Source.Index);
        writer.WriteInt64(tuple.RootId);
        writer.WriteInt64(tuple.EdgeId);
        var extra = tuple.ExtraAnchors;
        writer.WriteVarUInt32((uint)(extra?.Length ?? 0));
        foreach (var id in extra ?? [])
        {
            writer.WriteInt64(id);
        }

        var values = tuple.ValueArray;
        writer.WriteVarUInt32((uint)values.Length);
        foreach (var value in values)
        {
            ValueEncoding.Write(ref writer, value);
        }
    }

    private static Value ReadValue(ref WireReader reader)
    {
        if (reader.TryReadInt32Value(out var i))
        {
            return i;
        }

        if (reader.TryReadInt64Value(out var l))
        {
            return l;
        }

        return reader.TryReadDoubleValue(out var d) ? d : Value.FromObject(reader.ReadValue());
    }

    /// <summary>Reads a tuple; a value that cannot be decoded is left null and noted in <paramref name="undecodable"/>.</summary>
    private Tuple ReadTuple(ref WireReader reader, int sourceTask, ref UndecodableValueException? undecodable)
    {
        var component = CheckTask(sourceTask) is var task && _layout.Topology.ById.TryGetValue(_layout.ComponentOfTask[task], out var spec)
            ? spec
            : throw new WireFormatException($"Task {sourceTask} is not a task of a user component.");
        var streamIndex = reader.ReadVarInt32();
        if ((uint)streamIndex >= (uint)component.StreamList.Length)
        {
            throw new WireFormatException($"Component '{component.Id}' has no stream #{streamIndex}.");
        }

        var rootId = reader.ReadInt64();
        var edgeId = reader.ReadInt64();
        var extraCount = reader.ReadLength(minBytesPerItem: 8);
        long[]? extra = null;
        if (extraCount > 0)
        {
            extra = new long[extraCount];
            for (var i = 0; i < extraCount; i++)
            {
                extra[i] = reader.ReadInt64();
            }
        }

        var stream = component.StreamList[streamIndex];
        var values = new Value[reader.ReadLength(minBytesPerItem: 1)];
        if (values.Length != stream.Fields.Count)
        {
            throw new WireFormatException($"A tuple of '{stream}' has {values.Length} values for {stream.Fields.Count} fields.");
        }

        for (var i = 0; i < values.Length; i++)
        {
            try
            {
                values[i] = ReadValue(ref reader);
            }
            catch (UndecodableValueException e)
            {
                undecodable ??= e;
            }
        }

        return new Tuple(values, stream, sourceTask) { RootId = rootId, EdgeId = edgeId, ExtraAnchors = extra };
    }

    private static void WriteReason(ref WireWriter<IBufferWriter<byte>> writer, FailureReason reason)
    {
        writer.WriteByte((byte)reason.Kind);
        writer.WriteValue(reason.ComponentId);
        writer.WriteVarInt32(reason.TaskId);
        writer.WriteValue(reason.Message);
    }

    private static FailureReason ReadReason(ref WireReader reader)
    {
        var kind = (FailureKind)reader.ReadByte();
        if (kind > FailureKind.TimedOut)
        {
            throw new WireFormatException($"Unknown failure kind {(byte)kind}.");
        }

        var component = reader.ReadValue() as string;
        var task = reader.ReadVarInt32();
        var message = reader.ReadValue() as string;
        return new FailureReason(kind, component, task, message);
    }

    private int CheckTask(int task) =>
        task > 0 && task <= _layout.MaxTaskId ? task : throw new WireFormatException($"Task {task} is not in this topology (1..{_layout.MaxTaskId}).");
}
