using Squall.Drpc.Topology;

namespace Squall.Drpc;

/// <summary>
/// Builds a DRPC topology from a chain of bolts (Storm's <c>LinearDRPCTopologyBuilder</c>):
/// <code>
/// spout (DrpcSpout) → prepare-request → bolt0 → bolt1 → … → join-result → return-results
///                          └───────────── (request, return-info) ─────────┘
/// </code>
/// Every tuple carries the request id first; bolt0 receives <c>(request, args)</c>, the last bolt emits
/// <c>(request, result)</c> once per request. Each bolt runs coordinated (see the class comment of
/// CoordinatedBolt): a batch bolt gets <see cref="IBatchBolt.FinishBatch"/> once per request on every task,
/// when all tuples of the request from all upstream tasks have arrived, which is what makes aggregations
/// such as ReachTopology's count possible. A basic bolt (<see cref="IBasicBolt"/>) runs per tuple as usual.
/// </summary>
public sealed class LinearDrpcTopologyBuilder
{
    private readonly List<LinearDrpcInputDeclarer> _bolts = [];

    public LinearDrpcTopologyBuilder(string function)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        Function = function;
    }

    public string Function { get; }

    /// <summary>How many DRPC spout tasks pull requests (1 unless set).</summary>
    public int SpoutParallelism { get; set; } = 1;

    /// <summary>Adds a batch bolt: a new instance per request and task, made by <paramref name="factory"/>.</summary>
    public LinearDrpcInputDeclarer AddBolt(Func<IBatchBolt> factory, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Add(new LinearDrpcInputDeclarer(parallelism, factory, null));
    }

    /// <summary>Adds a basic bolt: one instance per task, executed per tuple, acked for you.</summary>
    public LinearDrpcInputDeclarer AddBolt(Func<IBasicBolt> factory, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Add(new LinearDrpcInputDeclarer(parallelism, null, factory));
    }

    /// <summary>The topology for a cluster: its spouts pull from <c>drpc.servers</c>.</summary>
    public StormTopology CreateRemoteTopology() => Create(() => new DrpcSpout(Function));

    /// <summary>The topology for local mode: its spouts pull from <paramref name="drpc"/>.</summary>
    public StormTopology CreateLocalTopology(LocalDrpc drpc)
    {
        ArgumentNullException.ThrowIfNull(drpc);
        return Create(() => new DrpcSpout(Function, drpc));
    }

    private LinearDrpcInputDeclarer Add(LinearDrpcInputDeclarer declarer)
    {
        _bolts.Add(declarer);
        return declarer;
    }

    private StormTopology Create(Func<IRichSpout> spout)
    {
        if (_bolts.Count == 0)
        {
            throw new InvalidTopologyException([$"The linear DRPC topology for '{Function}' has no bolts: add at least one with AddBolt."]);
        }

        var builder = new TopologyBuilder();
        var last = DrpcStreams.BoltId(_bolts.Count - 1);
        var lastParallelism = _bolts[^1].Parallelism;
        builder.SetSpout(DrpcStreams.SpoutId, spout, SpoutParallelism);
        builder.SetBolt(DrpcStreams.PrepareId, () => new PrepareRequest(DrpcStreams.BoltId(0)), SpoutParallelism)
            .NoneGrouping(DrpcStreams.SpoutId);
        for (var i = 0; i < _bolts.Count; i++)
        {
            var bolt = _bolts[i];
            var isLast = i == _bolts.Count - 1;
            var upstream = i == 0 ? DrpcStreams.PrepareId : DrpcStreams.BoltId(i - 1);
            var spec = new CoordinatedBoltSpec(
                Upstream: upstream,
                SingleUpstream: i == 0,
                Downstream: isLast ? DrpcStreams.JoinId : DrpcStreams.BoltId(i + 1),
                DirectCoord: !isLast,
                BatchFactory: bolt.Batch,
                BasicFactory: bolt.Basic);
            var declarer = builder.SetBolt(DrpcStreams.BoltId(i), () => new CoordinatedBolt(spec), bolt.Parallelism);
            bolt.Apply(declarer, upstream, i == 0 ? DrpcStreams.Args : Constants.DefaultStreamId);
            declarer.DirectGrouping(upstream, DrpcStreams.Coord);
        }

        builder.SetBolt(DrpcStreams.JoinId, () => new JoinResult(last), lastParallelism)
            .CustomGrouping(DrpcStreams.PrepareId, DrpcStreams.Return, () => new RequestIdGrouping())
            .CustomGrouping(last, Constants.DefaultStreamId, () => new RequestIdGrouping())
            .CustomGrouping(last, DrpcStreams.Coord, () => new RequestIdGrouping());
        builder.SetBolt(DrpcStreams.ReturnId, () => new ReturnResults(), lastParallelism)
            .NoneGrouping(DrpcStreams.JoinId);
        return builder.CreateTopology();
    }
}
