namespace Reach;

/// <summary>
/// DRPC function <c>reach</c> (storm-starter's ReachTopology): how many distinct people a URL reached, i.e.
/// the distinct followers of everyone who shared it, computed in parallel per request:
/// sharers → followers → distinct per task (fields on id+follower) → sum (fields on id).
/// </summary>
public sealed class ReachTopology : ITopologySource
{
    public const string Function = "reach";

    public string Name => "reach-drpc";

    public static LinearDrpcTopologyBuilder Construct()
    {
        var builder = new LinearDrpcTopologyBuilder(Function);
        builder.AddBolt(() => new GetSharers(), 2);
        builder.AddBolt(() => new GetFollowers(), 4).ShuffleGrouping();
        builder.AddBolt(() => new PartialDistinct(), 3).FieldsGrouping(new Fields("id", "follower"));
        builder.AddBolt(() => new SumCounts(), 2).FieldsGrouping(new Fields("id"));
        return builder;
    }

    public StormTopology Build(Config conf) => Construct().CreateRemoteTopology();
}
