namespace Squall;

/// <summary>An <see cref="ITaskHook"/> that ignores every event; override the ones you need.</summary>
public abstract class BaseTaskHook : ITaskHook
{
    /// <inheritdoc/>
    public virtual void Prepare(Config conf, TopologyContext context)
    {
    }

    /// <inheritdoc/>
    public virtual void Cleanup()
    {
    }

    /// <inheritdoc/>
    public virtual void Emit(EmitInfo info)
    {
    }

    /// <inheritdoc/>
    public virtual void SpoutAck(SpoutAckInfo info)
    {
    }

    /// <inheritdoc/>
    public virtual void SpoutFail(SpoutFailInfo info)
    {
    }

    /// <inheritdoc/>
    public virtual void BoltExecute(BoltExecuteInfo info)
    {
    }

    /// <inheritdoc/>
    public virtual void BoltAck(BoltAckInfo info)
    {
    }

    /// <inheritdoc/>
    public virtual void BoltFail(BoltFailInfo info)
    {
    }
}
