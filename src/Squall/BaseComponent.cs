namespace Squall;

/// <summary>Empty defaults for <see cref="IComponent"/>'s optional parts.</summary>
public abstract class BaseComponent : IComponent
{
    /// <inheritdoc/>
    public abstract void DeclareOutputFields(OutputFieldsDeclarer declarer);

    /// <inheritdoc/>
    public virtual IReadOnlyDictionary<string, object?>? GetComponentConfiguration() => null;
}
