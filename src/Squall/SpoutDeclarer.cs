namespace Squall;

/// <summary>Configures a spout added with <see cref="TopologyBuilder.SetSpout"/>.</summary>
public sealed class SpoutDeclarer : ComponentDeclarer<SpoutDeclarer>
{
    internal SpoutDeclarer(ComponentDefinition definition)
        : base(definition)
    {
    }
}
