namespace Squall.Drpc;

/// <summary>
/// How one bolt of a <see cref="LinearDrpcTopologyBuilder"/> receives the previous bolt's tuples (Storm's
/// <c>LinearDRPCInputDeclarer</c>); shuffle when nothing is declared. The first bolt receives
/// <c>(request, args)</c> from PrepareRequest; later bolts, what the bolt before them emits. Groupings name
/// no source: it is always the bolt before.
/// </summary>
public sealed class LinearDrpcInputDeclarer
{
    private readonly List<Action<BoltDeclarer, string, string>> _groupings = [];
    private readonly Dictionary<string, object?> _conf = new(StringComparer.Ordinal);

    internal LinearDrpcInputDeclarer(int parallelism, Func<IBatchBolt>? batch, Func<IBasicBolt>? basic)
    {
        Parallelism = parallelism;
        Batch = batch;
        Basic = basic;
    }

    internal int Parallelism { get; }

    internal Func<IBatchBolt>? Batch { get; }

    internal Func<IBasicBolt>? Basic { get; }

    internal int? NumTasks { get; private set; }

    public LinearDrpcInputDeclarer ShuffleGrouping() => Add((d, source, stream) => d.ShuffleGrouping(source, stream));

    public LinearDrpcInputDeclarer ShuffleGrouping(string streamId) => Add((d, source, _) => d.ShuffleGrouping(source, streamId));

    public LinearDrpcInputDeclarer FieldsGrouping(Fields fields) => Add((d, source, stream) => d.FieldsGrouping(source, stream, fields));

    public LinearDrpcInputDeclarer FieldsGrouping(string streamId, Fields fields) => Add((d, source, _) => d.FieldsGrouping(source, streamId, fields));

    public LinearDrpcInputDeclarer GlobalGrouping() => Add((d, source, stream) => d.GlobalGrouping(source, stream));

    public LinearDrpcInputDeclarer AllGrouping() => Add((d, source, stream) => d.AllGrouping(source, stream));

    public LinearDrpcInputDeclarer NoneGrouping() => Add((d, source, stream) => d.NoneGrouping(source, stream));

    public LinearDrpcInputDeclarer LocalOrShuffleGrouping() => Add((d, source, stream) => d.LocalOrShuffleGrouping(source, stream));

    public LinearDrpcInputDeclarer DirectGrouping() => Add((d, source, stream) => d.DirectGrouping(source, stream));

    public LinearDrpcInputDeclarer DirectGrouping(string streamId) => Add((d, source, _) => d.DirectGrouping(source, streamId));

    public LinearDrpcInputDeclarer PartialKeyGrouping(Fields fields) => Add((d, source, stream) => d.PartialKeyGrouping(source, stream, fields));

    public LinearDrpcInputDeclarer CustomGrouping(Func<ICustomStreamGrouping> factory) => Add((d, source, stream) => d.CustomGrouping(source, stream, factory));

    /// <summary>Sets how many tasks the bolt has (at least its parallelism).</summary>
    public LinearDrpcInputDeclarer SetNumTasks(int numTasks)
    {
        NumTasks = numTasks;
        return this;
    }

    /// <summary>A configuration entry for this bolt only.</summary>
    public LinearDrpcInputDeclarer AddConfiguration(string key, object? value)
    {
        _conf[key] = value;
        return this;
    }

    internal void Apply(BoltDeclarer declarer, string source, string defaultStream)
    {
        if (_groupings.Count == 0)
        {
            declarer.ShuffleGrouping(source, defaultStream);
        }

        foreach (var grouping in _groupings)
        {
            grouping(declarer, source, defaultStream);
        }

        if (NumTasks is { } tasks)
        {
            declarer.SetNumTasks(tasks);
        }

        declarer.AddConfigurations(_conf);
    }

    private LinearDrpcInputDeclarer Add(Action<BoltDeclarer, string, string> grouping)
    {
        _groupings.Add(grouping);
        return this;
    }
}
