using Squall.Trident.Operation;
using Squall.Trident.Runtime;
using Squall.Trident.State;

namespace Squall.Trident;

/// <summary>A stream grouped by some fields, awaiting a grouped operation (Storm's <c>GroupedStream</c>).</summary>
public sealed class GroupedStream
{
    private readonly Stream _stream;
    private readonly Fields _groupFields;

    internal GroupedStream(Stream stream, Fields groupFields)
    {
        _stream = stream;
        _groupFields = groupFields;
    }

    /// <summary>Aggregates each group of each batch, after repartitioning by the group fields; outputs the group fields and <paramref name="functionFields"/>.</summary>
    public Stream Aggregate<T>(Fields inputFields, Func<ICombinerAggregator<T>> aggregator, Fields functionFields) =>
        Aggregated(inputFields, Aggregations.Of(aggregator), functionFields);

    /// <inheritdoc cref="Aggregate{T}(Fields, Func{ICombinerAggregator{T}}, Fields)"/>
    public Stream Aggregate<T>(Fields inputFields, Func<IReducerAggregator<T>> aggregator, Fields functionFields) =>
        Aggregated(inputFields, Aggregations.Of(aggregator), functionFields);

    /// <inheritdoc cref="Aggregate{T}(Fields, Func{ICombinerAggregator{T}}, Fields)"/>
    public Stream Aggregate<T>(Fields inputFields, Func<IAggregator<T>> aggregator, Fields functionFields) =>
        Aggregated(inputFields, Aggregations.Of(aggregator), functionFields);

    /// <summary>Folds each group of every batch into its value in <paramref name="state"/>, keyed by the group fields.</summary>
    public TridentState PersistentAggregate<T>(MapStateFactory state, Fields inputFields, Func<ICombinerAggregator<T>> aggregator, Fields functionFields) =>
        _stream.Persist(state, _groupFields, inputFields, PersistUpdates.Of(aggregator), functionFields);

    /// <summary>As above, with no input fields (an aggregator such as Count needs none).</summary>
    public TridentState PersistentAggregate<T>(MapStateFactory state, Func<ICombinerAggregator<T>> aggregator, Fields functionFields) =>
        _stream.Persist(state, _groupFields, new Fields(), PersistUpdates.Of(aggregator), functionFields);

    /// <inheritdoc cref="PersistentAggregate{T}(MapStateFactory, Fields, Func{ICombinerAggregator{T}}, Fields)"/>
    public TridentState PersistentAggregate<T>(MapStateFactory state, Fields inputFields, Func<IReducerAggregator<T>> aggregator, Fields functionFields) =>
        _stream.Persist(state, _groupFields, inputFields, PersistUpdates.Of(aggregator), functionFields);

    /// <summary>Repartitions by the group fields, then queries <paramref name="state"/> (see <see cref="Stream.StateQuery"/>).</summary>
    public Stream StateQuery(TridentState state, Fields inputFields, Func<IQueryFunction> query, Fields functionFields) =>
        _stream.PartitionBy(_groupFields).StateQuery(state, inputFields, query, functionFields);

    /// <summary>The stream, ungrouped.</summary>
    public Stream ToStream() => _stream;

    private Stream Aggregated(Fields inputFields, Func<IBatchAggregation> aggregation, Fields functionFields)
    {
        ArgumentNullException.ThrowIfNull(functionFields);
        _stream.Select(inputFields, "Aggregate");
        var partitioned = _stream.PartitionBy(_groupFields);
        var group = partitioned.Select(_groupFields, "GroupBy");
        var input = partitioned.Select(inputFields, "Aggregate");
        return partitioned.Then(() => new AggregateProcessor(aggregation, group, input), new Fields([.. _groupFields, .. functionFields]));
    }
}
