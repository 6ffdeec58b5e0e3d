using System.Diagnostics;

namespace Squall;

/// <summary>
/// A tuple received by a bolt: its values (by index or by field name), and where it came from.
/// </summary>
/// <remarks>
/// Tip: <c>System.Tuple</c> shares the name; add <c>global using Tuple = Squall.Tuple;</c> to a project that
/// also imports <c>System</c> implicitly.
/// <para>
/// The runtime fills the internal fields directly; a tuple is immutable once delivered, except for
/// <see cref="AckVal"/>, which only the executor that received it touches (XOR of the edges anchored to it).
/// </para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class Tuple
{
    internal Tuple(Value[] values, StreamDescriptor source, int sourceTask)
    {
        ValueArray = values;
        Source = source;
        SourceTask = sourceTask;
    }

    internal Value[] ValueArray { get; }

    internal StreamDescriptor Source { get; }

    /// <summary>The id of the task that emitted this tuple (-1 for system tuples such as ticks).</summary>
    public int SourceTask { get; }

    /// <summary>The root (spout tuple) this tuple belongs to; 0 when untracked. Extra roots are in <see cref="ExtraAnchors"/>.</summary>
    internal long RootId { get; set; }

    /// <summary>The edge id of this tuple within the tree of <see cref="RootId"/>.</summary>
    internal long EdgeId { get; set; }

    /// <summary>Root/edge pairs beyond the first, for tuples anchored to several trees (rare, so out of line).</summary>
    internal long[]? ExtraAnchors { get; set; }

    /// <summary>XOR of the edge ids of every tuple anchored to this one; sent with its ack.</summary>
    internal long AckVal { get; set; }

    /// <summary>The number of values.</summary>
    public int Count => ValueArray.Length;

    /// <summary>The value at <paramref name="index"/>.</summary>
    public Value this[int index] => ValueArray[index];

    /// <summary>The declared fields of the stream this tuple arrived on.</summary>
    public Fields Fields => Source.Fields;

    /// <summary>The component that emitted this tuple.</summary>
    public string SourceComponent => Source.ComponentId;

    /// <summary>The stream this tuple arrived on.</summary>
    public string SourceStreamId => Source.StreamId;

    /// <summary>The component and stream this tuple came from (Storm's <c>getSourceGlobalStreamId</c>).</summary>
    public GlobalStreamId SourceGlobalStreamId => new(Source.ComponentId, Source.StreamId);

    /// <summary>The tuple-tree ids this tuple carries: root id to edge id, empty when untracked (Storm's <c>getMessageId</c>).</summary>
    public MessageId MessageId => MessageId.From(RootId, EdgeId, ExtraAnchors);

    /// <summary>True for the tick tuples the system sends at <c>topology.tick.tuple.freq.secs</c>.</summary>
    public bool IsTick => ReferenceEquals(Source, StreamDescriptor.Tick);

    /// <summary>The values of this tuple.</summary>
    public Values GetValues() => new(ValueArray);

    /// <summary>The value at <paramref name="index"/> as an object (boxes primitives).</summary>
    public object? GetValue(int index) => ValueArray[index].AsObject();

    /// <summary>The string at <paramref name="index"/>.</summary>
    public string? GetString(int index) => ValueArray[index].AsString();

    /// <summary>The int at <paramref name="index"/>.</summary>
    public int GetInteger(int index) => ValueArray[index].AsInt32();

    /// <summary>The long at <paramref name="index"/>.</summary>
    public long GetLong(int index) => ValueArray[index].AsInt64();

    /// <summary>The double at <paramref name="index"/>.</summary>
    public double GetDouble(int index) => ValueArray[index].AsDouble();

    /// <summary>The bool at <paramref name="index"/>.</summary>
    public bool GetBoolean(int index) => ValueArray[index].AsBoolean();

    /// <summary>The short at <paramref name="index"/>.</summary>
    public short GetShort(int index) => ValueArray[index].AsInt16();

    /// <summary>The byte at <paramref name="index"/>.</summary>
    public byte GetByte(int index) => ValueArray[index].AsByte();

    /// <summary>The char at <paramref name="index"/>.</summary>
    public char GetChar(int index) => ValueArray[index].AsChar();

    /// <summary>The float at <paramref name="index"/>.</summary>
    public float GetFloat(int index) => ValueArray[index].AsSingle();

    /// <summary>The byte array at <paramref name="index"/>.</summary>
    public byte[]? GetBinary(int index) => ValueArray[index].AsBinary();

    /// <summary>The index of <paramref name="field"/> in this tuple's stream.</summary>
    public int FieldIndex(string field) => Source.Fields.FieldIndex(field);

    /// <summary>True when this tuple's stream declares <paramref name="field"/>.</summary>
    public bool Contains(string field) => Source.Fields.Contains(field);

    /// <summary>The value of <paramref name="field"/>.</summary>
    public Value GetByField(string field) => ValueArray[FieldIndex(field)];

    /// <summary>The value of <paramref name="field"/> as an object.</summary>
    public object? GetValueByField(string field) => GetByField(field).AsObject();

    /// <summary>The string value of <paramref name="field"/>.</summary>
    public string? GetStringByField(string field) => GetByField(field).AsString();

    /// <summary>The int value of <paramref name="field"/>.</summary>
    public int GetIntegerByField(string field) => GetByField(field).AsInt32();

    /// <summary>The long value of <paramref name="field"/>.</summary>
    public long GetLongByField(string field) => GetByField(field).AsInt64();

    /// <summary>The double value of <paramref name="field"/>.</summary>
    public double GetDoubleByField(string field) => GetByField(field).AsDouble();

    /// <summary>The bool value of <paramref name="field"/>.</summary>
    public bool GetBooleanByField(string field) => GetByField(field).AsBoolean();

    /// <summary>The short value of <paramref name="field"/>.</summary>
    public short GetShortByField(string field) => GetByField(field).AsInt16();

    /// <summary>The byte value of <paramref name="field"/>.</summary>
    public byte GetByteByField(string field) => GetByField(field).AsByte();

    /// <summary>The char value of <paramref name="field"/>.</summary>
    public char GetCharByField(string field) => GetByField(field).AsChar();

    /// <summary>The float value of <paramref name="field"/>.</summary>
    public float GetFloatByField(string field) => GetByField(field).AsSingle();

    /// <summary>The value of <paramref name="field"/> as a <typeparamref name="T"/>.</summary>
    public T GetValueByField<T>(string field) => GetByField(field).As<T>();

    /// <summary>The value at <paramref name="index"/> as a <typeparamref name="T"/>.</summary>
    public T GetValue<T>(int index) => ValueArray[index].As<T>();

    /// <summary>The byte array value of <paramref name="field"/>.</summary>
    public byte[]? GetBinaryByField(string field) => GetByField(field).AsBinary();

    /// <summary>The values of <paramref name="selector"/>'s fields, in its order.</summary>
    public Values Select(Fields selector)
    {
        var indices = Source.Fields.Select(selector);
        var selected = new Value[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            selected[i] = ValueArray[indices[i]];
        }

        return new Values(selected);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"source: {SourceComponent}:{SourceTask}, stream: {SourceStreamId}, {new Values(ValueArray)}";
}
