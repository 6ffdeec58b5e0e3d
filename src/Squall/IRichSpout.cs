namespace Squall;

/// <summary>A spout that declares its outputs: what <see cref="TopologyBuilder.SetSpout"/> takes.</summary>
public interface IRichSpout : ISpout, IComponent
{
}
