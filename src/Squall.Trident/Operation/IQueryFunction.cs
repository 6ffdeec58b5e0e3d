using Squall.Trident.State;

namespace Squall.Trident.Operation;

/// <summary>Reads a state for a whole batch at once, then emits per tuple (Storm's <c>QueryFunction</c>).</summary>
public interface IQueryFunction : IOperation
{
    /// <summary>One result per tuple of the batch (their input fields), in order, read in as few round trips as possible.</summary>
    IReadOnlyList<object?> BatchRetrieve(IReadOnlyMapState state, IReadOnlyList<TridentTuple> tuples);

    /// <summary>Emits the values of the query's output fields for <paramref name="tuple"/> and its <paramref name="result"/>.</summary>
    void Execute(TridentTuple tuple, object? result, ITridentCollector collector);
}
