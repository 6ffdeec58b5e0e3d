namespace Squall.Cluster.State;

/// <summary>A topology's status, as Storm names it.</summary>
internal enum TopologyStatus
{
    Active,
    Inactive,
    Killed,
    Rebalancing,
}
