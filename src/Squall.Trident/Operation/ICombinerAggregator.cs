namespace Squall.Trident.Operation;

/// <summary>
/// An aggregation by an associative, commutative combine (Storm's <c>CombinerAggregator</c>): partial results can be combined
/// in any order, which is what lets a persistent aggregate fold a batch into the stored value.
/// </summary>
public interface ICombinerAggregator<T>
{
    /// <summary>The value of one tuple.</summary>
    T Init(TridentTuple tuple);

    /// <summary>Two values combined.</summary>
    T Combine(T val1, T val2);

    /// <summary>The value of no tuples.</summary>
    T Zero();
}
