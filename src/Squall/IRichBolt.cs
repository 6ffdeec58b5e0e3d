namespace Squall;

/// <summary>A bolt that declares its outputs: what <see cref="TopologyBuilder.SetBolt(string, Func{IRichBolt}, int)"/> takes.</summary>
public interface IRichBolt : IBolt, IComponent
{
}
