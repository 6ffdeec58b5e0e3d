namespace Squall.Trident.Operation;

/// <summary>A function with nothing to prepare or clean up.</summary>
public abstract class BaseFunction : BaseOperation, IFunction
{
    /// <inheritdoc/>
    public abstract void Execute(TridentTuple tuple, ITridentCollector collector);
}
