namespace Squall.Trident.Operation;

/// <summary>A filter with nothing to prepare or clean up.</summary>
public abstract class BaseFilter : BaseOperation, IFilter
{
    /// <inheritdoc/>
    public abstract bool IsKeep(TridentTuple tuple);
}
