using Squall.Trident.Operation;

namespace Squall.Trident.Builtin;

/// <summary>The sum of the first input field, an integral number (Storm's <c>Sum</c>).</summary>
public sealed class Sum : ICombinerAggregator<long>
{
    /// <inheritdoc/>
    public long Init(TridentTuple tuple)
    {
        ArgumentNullException.ThrowIfNull(tuple);
        return tuple.GetLong(0);
    }

    /// <inheritdoc/>
    public long Combine(long val1, long val2) => val1 + val2;

    /// <inheritdoc/>
    public long Zero() => 0;
}
