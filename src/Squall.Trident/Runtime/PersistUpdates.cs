using Squall.Trident.Operation;

namespace Squall.Trident.Runtime;

/// <summary>
/// A combiner pre-aggregates each key's batch and combines that with the stored value once (Storm's
/// <c>CombinerValueUpdater</c>); a reducer folds the batch's tuples into the stored value one by one.
/// </summary>
internal static class PersistUpdates
{
    public static Func<IPersistUpdate> Of<T>(Func<ICombinerAggregator<T>> factory) => () => new Combiner<T>(factory());

    public static Func<IPersistUpdate> Of<T>(Func<IReducerAggregator<T>> factory) => () => new Reducer<T>(factory());

    private sealed class Combiner<T>(ICombinerAggregator<T> aggregator) : IPersistUpdate
    {
        public object Begin() => new Partial();

        public void Add(object accumulator, TridentTuple tuple)
        {
            var partial = (Partial)accumulator;
            var value = aggregator.Init(tuple);
            partial.Value = partial.Any ? aggregator.Combine(partial.Value!, value) : value;
            partial.Any = true;
        }

        public object? Apply(object accumulator, object? before) =>
            before is null ? ((Partial)accumulator).Value : aggregator.Combine((T)before, ((Partial)accumulator).Value!);

        private sealed class Partial
        {
            public bool Any { get; set; }

            public T? Value { get; set; }
        }
    }

    private sealed class Reducer<T>(IReducerAggregator<T> aggregator) : IPersistUpdate
    {
        public object Begin() => new List<TridentTuple>();

        public void Add(object accumulator, TridentTuple tuple) => ((List<TridentTuple>)accumulator).Add(tuple);

        public object? Apply(object accumulator, object? before)
        {
            var value = before is null ? aggregator.Init() : (T)before;
            foreach (var tuple in (List<TridentTuple>)accumulator)
            {
                value = aggregator.Reduce(value, tuple);
            }

            return value;
        }
    }
}
