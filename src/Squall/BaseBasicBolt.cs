namespace Squall;

/// <summary>A basic bolt with empty <see cref="Prepare"/> and <see cref="Cleanup"/>.</summary>
public abstract class BaseBasicBolt : BaseComponent, IBasicBolt
{
    /// <inheritdoc/>
    public virtual void Prepare(Config conf, TopologyContext context)
    {
    }

    /// <inheritdoc/>
    public abstract void Execute(Tuple input, BasicOutputCollector collector);

    /// <inheritdoc/>
    public virtual void Cleanup()
    {
    }
}
