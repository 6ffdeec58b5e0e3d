using Squall.Trident.Operation;
using Squall.Trident.State;

namespace Squall.Trident.Builtin;

/// <summary>The value stored under each tuple's input fields, or null (Storm's <c>MapGet</c>).</summary>
public sealed class MapGet : BaseOperation, IQueryFunction
{
    /// <inheritdoc/>
    public IReadOnlyList<object?> BatchRetrieve(IReadOnlyMapState state, IReadOnlyList<TridentTuple> tuples)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(tuples);
        return state.MultiGet(tuples);
    }

    /// <inheritdoc/>
    public void Execute(TridentTuple tuple, object? result, ITridentCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        collector.Emit(result);
    }
}
