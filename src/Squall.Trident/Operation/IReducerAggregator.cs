namespace Squall.Trident.Operation;

/// <summary>An aggregation that folds tuples one by one into a value (Storm's <c>ReducerAggregator</c>).</summary>
public interface IReducerAggregator<T>
{
    /// <summary>The value before any tuple.</summary>
    T Init();

    /// <summary>The value with <paramref name="tuple"/> folded in.</summary>
    T Reduce(T curr, TridentTuple tuple);
}
