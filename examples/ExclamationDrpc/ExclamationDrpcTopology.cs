namespace ExclamationDrpc;

/// <summary>DRPC function <c>exclamation</c>: returns its argument followed by "!" (storm-starter's BasicDRPCTopology).</summary>
public sealed class ExclamationDrpcTopology : ITopologySource
{
    public const string Function = "exclamation";

    public string Name => "exclamation-drpc";

    /// <summary>The builder both modes share; cluster mode pulls from drpc.servers, local mode from a LocalDrpc.</summary>
    public static LinearDrpcTopologyBuilder Construct()
    {
        var builder = new LinearDrpcTopologyBuilder(Function);
        builder.AddBolt(() => new ExclamationBolt(), 3);
        return builder;
    }

    public StormTopology Build(Config conf) => Construct().CreateRemoteTopology();
}
