namespace Squall.Trident.Operation;

/// <summary>An operation with nothing to prepare or clean up.</summary>
public abstract class BaseOperation : IOperation
{
    /// <inheritdoc/>
    public virtual void Prepare(Config conf, TopologyContext context)
    {
    }

    /// <inheritdoc/>
    public virtual void Cleanup()
    {
    }
}
