using Squall.Trident.Operation;

namespace Squall.Trident.Builtin;

/// <summary>The number of tuples (Storm's <c>Count</c>).</summary>
public sealed class Count : ICombinerAggregator<long>
{
    /// <inheritdoc/>
    public long Init(TridentTuple tuple) => 1;

    /// <inheritdoc/>
    public long Combine(long val1, long val2) => val1 + val2;

    /// <inheritdoc/>
    public long Zero() => 0;
}
