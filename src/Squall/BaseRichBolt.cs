namespace Squall;

/// <summary>A bolt with an empty <see cref="Cleanup"/>.</summary>
public abstract class BaseRichBolt : BaseComponent, IRichBolt
{
    /// <inheritdoc/>
    public abstract void Prepare(Config conf, TopologyContext context, OutputCollector collector);

    /// <inheritdoc/>
    public abstract void Execute(Tuple input);

    /// <inheritdoc/>
    public virtual void Cleanup()
    {
    }
}
