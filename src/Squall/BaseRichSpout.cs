namespace Squall;

/// <summary>A spout with empty defaults for everything but <see cref="Open"/>, <see cref="NextTuple"/> and the outputs.</summary>
public abstract class BaseRichSpout : BaseComponent, IRichSpout, IFailureAwareSpout
{
    /// <inheritdoc/>
    public abstract void Open(Config conf, TopologyContext context, SpoutOutputCollector collector);

    /// <inheritdoc/>
    public abstract void NextTuple();

    /// <inheritdoc/>
    public virtual void Close()
    {
    }

    /// <inheritdoc/>
    public virtual void Activate()
    {
    }

    /// <inheritdoc/>
    public virtual void Deactivate()
    {
    }

    /// <inheritdoc/>
    public virtual void Ack(object messageId)
    {
    }

    /// <inheritdoc/>
    public virtual void Fail(object messageId)
    {
    }

    /// <summary>Calls <see cref="Fail(object)"/>; override to see why the tree failed.</summary>
    public virtual void Fail(object messageId, FailureReason reason) => Fail(messageId);
}
