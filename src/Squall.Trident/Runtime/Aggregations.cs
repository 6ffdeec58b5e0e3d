using Squall.Trident.Operation;

namespace Squall.Trident.Runtime;

/// <summary>Adapts each kind of user aggregator to <see cref="IBatchAggregation"/>.</summary>
internal static class Aggregations
{
    public static Func<IBatchAggregation> Of<T>(Func<ICombinerAggregator<T>> factory) => () => new Combiner<T>(factory());

    public static Func<IBatchAggregation> Of<T>(Func<IReducerAggregator<T>> factory) => () => new Reducer<T>(factory());

    public static Func<IBatchAggregation> Of<T>(Func<IAggregator<T>> factory) => () => new General<T>(factory());

    private sealed class Box<T>(T value)
    {
        public T Value { get; set; } = value;
    }

    private sealed class Combiner<T>(ICombinerAggregator<T> aggregator) : IBatchAggregation
    {
        public void Prepare(Config conf, TopologyContext context)
        {
        }

        public object Begin(long txid, ITridentCollector collector) => new Box<T>(aggregator.Zero());

        public void Add(object state, TridentTuple tuple, ITridentCollector collector)
        {
            var box = (Box<T>)state;
            box.Value = aggregator.Combine(box.Value, aggregator.Init(tuple));
        }

        public void Complete(object state, ITridentCollector collector) => collector.Emit(((Box<T>)state).Value);

        public void Cleanup()
        {
        }
    }

    private sealed class Reducer<T>(IReducerAggregator<T> aggregator) : IBatchAggregation
    {
        public void Prepare(Config conf, TopologyContext context)
        {
        }

        public object Begin(long txid, ITridentCollector collector) => new Box<T>(aggregator.Init());

        public void Add(object state, TridentTuple tuple, ITridentCollector collector)
        {
            var box = (Box<T>)state;
            box.Value = aggregator.Reduce(box.Value, tuple);
        }

        public void Complete(object state, ITridentCollector collector) => collector.Emit(((Box<T>)state).Value);

        public void Cleanup()
        {
        }
    }

    private sealed class General<T>(IAggregator<T> aggregator) : IBatchAggregation
    {
        public void Prepare(Config conf, TopologyContext context) => aggregator.Prepare(conf, context);

        public object Begin(long txid, ITridentCollector collector) => new Box<T>(aggregator.Init(txid, collector));

        public void Add(object state, TridentTuple tuple, ITridentCollector collector) => aggregator.Aggregate(((Box<T>)state).Value, tuple, collector);

        public void Complete(object state, ITridentCollector collector) => aggregator.Complete(((Box<T>)state).Value, collector);

        public void Cleanup() => aggregator.Cleanup();
    }
}
