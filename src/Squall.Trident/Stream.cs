using Squall.Trident.Operation;
using Squall.Trident.Planner;
using Squall.Trident.Runtime;
using Squall.Trident.State;

namespace Squall.Trident;

/// <summary>
/// A stream of batches (Storm's Trident <c>Stream</c>). Operations that keep the partitioning (each, filter, map, project,
/// partition aggregate, state query) run in the same bolt as the ones before them; repartitions start a new bolt.
/// Operations are given as factories: each task makes its own instance.
/// </summary>
public sealed class Stream
{
    internal Stream(TridentTopology topology, NodePlan node, ProcessorPlan tail)
    {
        Topology = topology;
        Node = node;
        Tail = tail;
    }

    /// <summary>The fields of this stream's tuples.</summary>
    public Fields OutputFields => Tail.Fields;

    internal TridentTopology Topology { get; }

    internal NodePlan Node { get; }

    internal ProcessorPlan Tail { get; }

    /// <summary>Runs <paramref name="function"/> on <paramref name="inputFields"/>; its outputs are appended as <paramref name="functionFields"/>.</summary>
    public Stream Each(Fields inputFields, Func<IFunction> function, Fields functionFields)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(functionFields);
        var input = Select(inputFields, "Each");
        return Then(() => new EachProcessor(function, input), new Fields([.. OutputFields, .. functionFields]));
    }

    /// <summary>Keeps the tuples <paramref name="filter"/> keeps, judged on <paramref name="inputFields"/>.</summary>
    public Stream Each(Fields inputFields, Func<IFilter> filter) => Filter(inputFields, filter);

    /// <summary>Keeps the tuples <paramref name="filter"/> keeps, judged on all fields.</summary>
    public Stream Filter(Func<IFilter> filter) => Filter(OutputFields, filter);

    /// <summary>Keeps the tuples <paramref name="filter"/> keeps, judged on <paramref name="inputFields"/>.</summary>
    public Stream Filter(Fields inputFields, Func<IFilter> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var input = Select(inputFields, "Filter");
        return Then(() => new FilterProcessor(filter, input), OutputFields);
    }

    /// <summary>Replaces each tuple by the one <paramref name="function"/> returns, of <paramref name="outputFields"/>.</summary>
    public Stream Map(Func<IMapFunction> function, Fields outputFields)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(outputFields);
        var fields = OutputFields;
        return Then(() => MapProcessor.Of(function, fields, outputFields.Count), outputFields);
    }

    /// <summary>Replaces each tuple by the ones <paramref name="function"/> returns, of <paramref name="outputFields"/>.</summary>
    public Stream FlatMap(Func<IFlatMapFunction> function, Fields outputFields)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(outputFields);
        var fields = OutputFields;
        return Then(() => MapProcessor.Of(function, fields, outputFields.Count), outputFields);
    }

    /// <summary>Keeps only <paramref name="keepFields"/>.</summary>
    public Stream Project(Fields keepFields)
    {
        var projection = Select(keepFields, "Project");
        return Then(() => new ProjectProcessor(projection), keepFields);
    }

    /// <summary>Repartitions so that tuples with equal <paramref name="fields"/> go to the same task.</summary>
    public Stream PartitionBy(Fields fields)
    {
        Select(fields, "PartitionBy");
        return Repartition(GroupingKind.Fields, fields);
    }

    /// <summary>Repartitions at random.</summary>
    public Stream Shuffle() => Repartition(GroupingKind.Shuffle, null);

    /// <summary>Repartitions into one task.</summary>
    public Stream Global() => Repartition(GroupingKind.Global, null);

    /// <summary>Sends every tuple to every task.</summary>
    public Stream Broadcast() => Repartition(GroupingKind.All, null);

    /// <summary>Groups by <paramref name="fields"/> for a grouped aggregate, persistent aggregate or state query.</summary>
    public GroupedStream GroupBy(Fields fields)
    {
        Select(fields, "GroupBy");
        return new GroupedStream(this, fields);
    }

    /// <summary>How many tasks run the operations since the last repartition.</summary>
    public Stream ParallelismHint(int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        Node.Parallelism = parallelism;
        return this;
    }

    /// <summary>Aggregates each batch in each partition (no repartition); outputs <paramref name="functionFields"/>.</summary>
    public Stream PartitionAggregate<T>(Fields inputFields, Func<ICombinerAggregator<T>> aggregator, Fields functionFields) =>
        Aggregated(inputFields, Aggregations.Of(aggregator), functionFields, global: false);

    /// <inheritdoc cref="PartitionAggregate{T}(Fields, Func{ICombinerAggregator{T}}, Fields)"/>
    public Stream PartitionAggregate<T>(Fields inputFields, Func<IReducerAggregator<T>> aggregator, Fields functionFields) =>
        Aggregated(inputFields, Aggregations.Of(aggregator), functionFields, global: false);

    /// <inheritdoc cref="PartitionAggregate{T}(Fields, Func{ICombinerAggregator{T}}, Fields)"/>
    public Stream PartitionAggregate<T>(Fields inputFields, Func<IAggregator<T>> aggregator, Fields functionFields) =>
        Aggregated(inputFields, Aggregations.Of(aggregator), functionFields, global: false);

    /// <summary>Aggregates each whole batch (in one task); outputs <paramref name="functionFields"/>.</summary>
    public Stream Aggregate<T>(Fields inputFields, Func<ICombinerAggregator<T>> aggregator, Fields functionFields) =>
        Aggregated(inputFields, Aggregations.Of(aggregator), functionFields, global: true);

    /// <inheritdoc cref="Aggregate{T}(Fields, Func{ICombinerAggregator{T}}, Fields)"/>
    public Stream Aggregate<T>(Fields inputFields, Func<IReducerAggregator<T>> aggregator, Fields functionFields) =>
        Aggregated(inputFields, Aggregations.Of(aggregator), functionFields, global: true);

    /// <inheritdoc cref="Aggregate{T}(Fields, Func{ICombinerAggregator{T}}, Fields)"/>
    public Stream Aggregate<T>(Fields inputFields, Func<IAggregator<T>> aggregator, Fields functionFields) =>
        Aggregated(inputFields, Aggregations.Of(aggregator), functionFields, global: true);

    /// <summary>Folds every batch into one value kept in <paramref name="state"/> (key: the empty list), exactly once per its type.</summary>
    public TridentState PersistentAggregate<T>(MapStateFactory state, Fields inputFields, Func<ICombinerAggregator<T>> aggregator, Fields functionFields) =>
        Persist(state, new Fields(), inputFields, PersistUpdates.Of(aggregator), functionFields);

    /// <inheritdoc cref="PersistentAggregate{T}(MapStateFactory, Fields, Func{ICombinerAggregator{T}}, Fields)"/>
    public TridentState PersistentAggregate<T>(MapStateFactory state, Fields inputFields, Func<IReducerAggregator<T>> aggregator, Fields functionFields) =>
        Persist(state, new Fields(), inputFields, PersistUpdates.Of(aggregator), functionFields);

    /// <summary>Reads <paramref name="state"/> for each tuple's <paramref name="inputFields"/>; appends the results as <paramref name="functionFields"/>.</summary>
    public Stream StateQuery(TridentState state, Fields inputFields, Func<IQueryFunction> query, Fields functionFields)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(functionFields);
        var input = Select(inputFields, "StateQuery");
        var factory = state.Factory;
        return Then(() => new StateQueryProcessor(factory, query, input), new Fields([.. OutputFields, .. functionFields]));
    }

    internal Stream Then(Func<Processor> processor, Fields fields) => new(Topology, Node, Tail.Add(new ProcessorPlan(processor, fields)));

    internal Stream Repartition(GroupingKind grouping, Fields? fields, bool committer = false)
    {
        var stream = Node.AddSink(Tail, OutputFields);
        var next = Topology.AddNode(new ProcessorPlan(() => new PassThroughProcessor(), OutputFields), Node.DrpcOrigin, committer);
        next.Inputs.Add(new NodeInput(Node, stream, grouping, fields));
        return new Stream(Topology, next, next.Root);
    }

    internal Projection Select(Fields fields, string operation)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            if (!OutputFields.Contains(field))
            {
                throw new ArgumentException($"{operation}: field '{field}' is not in the stream's fields ({OutputFields}).", nameof(fields));
            }
        }

        return Projection.Of(OutputFields, fields);
    }

    internal TridentState Persist(MapStateFactory state, Fields keyFields, Fields inputFields, Func<IPersistUpdate> update, Fields functionFields)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(functionFields);
        if (functionFields.Count != 1)
        {
            throw new ArgumentException($"PersistentAggregate stores one value per key: give one output field, not ({functionFields}).", nameof(functionFields));
        }

        if (Node.DrpcOrigin is not null)
        {
            throw new InvalidOperationException("PersistentAggregate on a DRPC stream: DRPC requests are not transactional batches; query state there with StateQuery.");
        }

        var key = Select(keyFields, "PersistentAggregate");
        var input = Select(inputFields, "PersistentAggregate");
        var committer = keyFields.Count == 0 ? Repartition(GroupingKind.Global, null, committer: true) : Repartition(GroupingKind.Fields, keyFields, committer: true);
        committer.Then(() => new PersistProcessor(state, update, key, input), new Fields([.. keyFields, .. functionFields]));
        return new TridentState(committer.Node, state);
    }

    private Stream Aggregated(Fields inputFields, Func<IBatchAggregation> aggregation, Fields functionFields, bool global)
    {
        ArgumentNullException.ThrowIfNull(functionFields);
        var input = Select(inputFields, "Aggregate");
        var from = global ? Global() : this;
        var none = Projection.Of(from.OutputFields, new Fields());
        return from.Then(() => new AggregateProcessor(aggregation, none, input), functionFields);
    }
}
