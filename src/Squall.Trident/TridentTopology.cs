using System.Globalization;
using Squall.Drpc;
using Squall.Runtime.State;
using Squall.Trident.Planner;
using Squall.Trident.Runtime;
using Squall.Trident.Spout;

namespace Squall.Trident;

/// <summary>
/// Builds a Trident topology (Storm's <c>TridentTopology</c>): streams of batches with exactly-once state, compiled by
/// <see cref="Build"/> into an ordinary topology — a master batch coordinator spout, one bolt per group of operations
/// between repartitions, and DRPC spouts and return bolts for DRPC streams — that runs in local and cluster mode.
/// </summary>
public sealed class TridentTopology
{
    private readonly List<NodePlan> _nodes = [];
    private readonly List<string> _txIds = [];
    private readonly Dictionary<string, (string Function, LocalDrpc? Drpc, NodePlan Source)> _drpc = [];
    private readonly IMapStoreFactory _coordinatorStore;
    private bool _built;

    /// <summary>A topology whose coordinator keeps its progress in this process's memory (local mode).</summary>
    public TridentTopology()
        : this(new InMemoryMapStoreFactory())
    {
    }

    /// <summary>
    /// A topology whose coordinator and transactional spouts keep their progress (last committed txid, batch metadata) in
    /// <paramref name="coordinatorStore"/>: in a cluster, give it a store that outlives workers (PostgreSQL, Redis).
    /// </summary>
    public TridentTopology(IMapStoreFactory coordinatorStore)
    {
        ArgumentNullException.ThrowIfNull(coordinatorStore);
        _coordinatorStore = coordinatorStore;
    }

    /// <summary>A stream of batches from a spout that emits by batch id; <paramref name="txId"/> names the stream's progress.</summary>
    public Stream NewStream(string txId, Func<IBatchSpout> spout)
    {
        ArgumentNullException.ThrowIfNull(spout);
        return NewBatchStream(txId, spout().GetOutputFields(), () => new BatchSpoutSource(spout()));
    }

    /// <summary>A stream of batches from a transactional spout; <paramref name="txId"/> names where its metadata and progress are kept.</summary>
    public Stream NewStream(string txId, Func<ITransactionalSpout> spout)
    {
        ArgumentNullException.ThrowIfNull(spout);
        var store = _coordinatorStore;
        return NewBatchStream(txId, spout().GetOutputFields(), () => new TransactionalSpoutSource(spout(), txId, store));
    }

    /// <summary>A stream of batches from an opaque transactional spout; <paramref name="txId"/> names where its metadata and progress are kept.</summary>
    public Stream NewStream(string txId, Func<IOpaqueTransactionalSpout> spout)
    {
        ArgumentNullException.ThrowIfNull(spout);
        var store = _coordinatorStore;
        return NewBatchStream(txId, spout().GetOutputFields(), () => new OpaqueSpoutSource(spout(), txId, store));
    }

    /// <summary>
    /// A stream of DRPC requests for <paramref name="function"/> (field <c>args</c>): each request is a batch, and what the
    /// stream ends with is returned to the caller as a JSON list of tuples. In local mode pass the <paramref name="drpc"/>
    /// server; in a cluster leave it null (the spouts use <c>drpc.servers</c>).
    /// </summary>
    public Stream NewDrpcStream(string function, LocalDrpc? drpc = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        var spoutId = "$drpc-spout-" + _drpc.Count.ToString(CultureInfo.InvariantCulture);
        var fields = new Fields("args");
        var node = AddNode(new ProcessorPlan(() => new PassThroughProcessor(), fields), spoutId, committer: false, drpcSpout: spoutId);
        node.Streams[TridentStreams.DrpcReturnInfo] = new Fields("return-info");
        _drpc[spoutId] = (function, drpc, node);
        return new Stream(this, node, node.Root);
    }

    /// <summary>One stream of the tuples of all <paramref name="streams"/> (which must have as many fields; the first's names are kept).</summary>
    public Stream Merge(params Stream[] streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Length == 0)
        {
            throw new ArgumentException("Merge needs at least one stream.", nameof(streams));
        }

        var fields = streams[0].OutputFields;
        var node = AddNode(new ProcessorPlan(() => new PassThroughProcessor(), fields), Origin(streams), committer: false);
        foreach (var stream in streams)
        {
            Own(stream);
            if (stream.OutputFields.Count != fields.Count)
            {
                throw new ArgumentException($"Merge: streams have different numbers of fields: ({fields}) and ({stream.OutputFields}).", nameof(streams));
            }

            node.Inputs.Add(new NodeInput(stream.Node, stream.Node.AddSink(stream.Tail, stream.OutputFields), GroupingKind.Shuffle));
        }

        return new Stream(this, node, node.Root);
    }

    /// <summary>
    /// The inner join of two streams of the same batches on <paramref name="joinFields1"/> = <paramref name="joinFields2"/>;
    /// its tuples are the join fields, then the other fields of <paramref name="stream1"/>, then those of <paramref name="stream2"/>,
    /// named by <paramref name="outFields"/>.
    /// </summary>
    public Stream Join(Stream stream1, Fields joinFields1, Stream stream2, Fields joinFields2, Fields outFields)
    {
        ArgumentNullException.ThrowIfNull(stream1);
        ArgumentNullException.ThrowIfNull(stream2);
        ArgumentNullException.ThrowIfNull(outFields);
        Own(stream1);
        Own(stream2);
        var key1 = stream1.Select(joinFields1, "Join");
        var key2 = stream2.Select(joinFields2, "Join");
        if (key1.Indices.Length != key2.Indices.Length)
        {
            throw new ArgumentException($"Join: ({joinFields1}) and ({joinFields2}) must have as many fields.", nameof(joinFields2));
        }

        var rest1 = Projection.Of(stream1.OutputFields, new Fields(stream1.OutputFields.Except(joinFields1)));
        var rest2 = Projection.Of(stream2.OutputFields, new Fields(stream2.OutputFields.Except(joinFields2)));
        var width = key1.Indices.Length + rest1.Indices.Length + rest2.Indices.Length;
        if (outFields.Count != width)
        {
            throw new ArgumentException($"Join: the joined tuples have {width} fields (join fields, then the others of each stream) but ({outFields}) names {outFields.Count}.", nameof(outFields));
        }

        var node = AddNode(new ProcessorPlan(() => new JoinProcessor(key1, rest1, key2, rest2), outFields), Origin([stream1, stream2]), committer: false);
        node.Inputs.Add(new NodeInput(stream1.Node, stream1.Node.AddSink(stream1.Tail, stream1.OutputFields), GroupingKind.Fields, joinFields1));
        node.Inputs.Add(new NodeInput(stream2.Node, stream2.Node.AddSink(stream2.Tail, stream2.OutputFields), GroupingKind.Fields, joinFields2));
        return new Stream(this, node, node.Root);
    }

    /// <summary>The topology to submit.</summary>
    public StormTopology Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("TridentTopology.Build() was already called: build a new TridentTopology for another topology.");
        }

        _built = true;
        var builder = new TopologyBuilder();
        if (_txIds.Count > 0)
        {
            var key = "coordinator/" + string.Join(",", _txIds.Order(StringComparer.Ordinal));
            var store = _coordinatorStore;
            builder.SetSpout(TridentStreams.CoordinatorId, () => new MasterBatchCoordinator(key, store));
        }

        foreach (var (spoutId, (function, drpc, source)) in _drpc)
        {
            builder.SetSpout(spoutId, () => drpc is null ? new DrpcSpout(function) : new DrpcSpout(function, drpc));
            AddReturn(builder, spoutId, source);
        }

        foreach (var node in _nodes)
        {
            Declare(builder, node);
        }

        return builder.CreateTopology();
    }

    internal NodePlan AddNode(ProcessorPlan root, string? drpcOrigin, bool committer, Func<IBatchSource>? source = null, string? drpcSpout = null)
    {
        var node = new NodePlan("b-" + _nodes.Count.ToString(CultureInfo.InvariantCulture), root)
        {
            DrpcOrigin = drpcOrigin,
            Committer = committer,
            Source = source,
            DrpcSpout = drpcSpout,
        };
        _nodes.Add(node);
        return node;
    }

    private static void Declare(TopologyBuilder builder, NodePlan node)
    {
        var spec = node.Spec();
        var declarer = builder.SetBolt(node.Id, () => new TridentBolt(spec), node.Parallelism);
        foreach (var input in node.Inputs)
        {
            _ = input.Grouping switch
            {
                GroupingKind.Fields => declarer.FieldsGrouping(input.Node.Id, input.StreamId, input.GroupingFields!),
                GroupingKind.Global => declarer.GlobalGrouping(input.Node.Id, input.StreamId),
                GroupingKind.All => declarer.AllGrouping(input.Node.Id, input.StreamId),
                _ => declarer.ShuffleGrouping(input.Node.Id, input.StreamId),
            };
        }

        foreach (var upstream in node.Inputs.Select(i => i.Node.Id).Distinct())
        {
            declarer.DirectGrouping(upstream, TridentStreams.Coord);
        }

        if (node.Source is not null)
        {
            declarer.AllGrouping(TridentStreams.CoordinatorId, TridentStreams.Batch).AllGrouping(TridentStreams.CoordinatorId, TridentStreams.Success);
        }

        if (node.DrpcSpout is not null)
        {
            declarer.ShuffleGrouping(node.DrpcSpout);
        }

        if (node.Committer)
        {
            declarer.AllGrouping(TridentStreams.CoordinatorId, TridentStreams.Commit);
        }
    }

    private static string? Origin(IEnumerable<Stream> streams)
    {
        var origins = streams.Select(s => s.Node.DrpcOrigin).Distinct().ToList();
        return origins.Count == 1
            ? origins[0]
            : throw new InvalidOperationException("Merge or Join of streams from different sources (batch spouts and DRPC, or two DRPC functions) is not supported: their batches differ.");
    }

    /// <summary>The end of a DRPC stream gets a return node (one task: it gathers each request's results) and ReturnResults.</summary>
    private void AddReturn(TopologyBuilder builder, string spoutId, NodePlan source)
    {
        var leaves = _nodes.Where(n => n.DrpcOrigin == spoutId).SelectMany(n => n.Leaves().Select(leaf => (Node: n, Leaf: leaf))).ToList();
        if (leaves.Count != 1)
        {
            throw new InvalidTopologyException([$"The DRPC stream of '{_drpc[spoutId].Function}' must end in exactly one stream (its result), not {leaves.Count}."]);
        }

        var (end, leaf) = leaves[0];
        var node = AddNode(new ProcessorPlan(() => new DrpcReturnProcessor(), leaf.Fields), spoutId, committer: false);
        node.Inputs.Add(new NodeInput(end, end.AddSink(leaf, leaf.Fields), GroupingKind.Global));
        node.Inputs.Add(new NodeInput(source, TridentStreams.DrpcReturnInfo, GroupingKind.Global));
        builder.SetBolt("$drpc-results-" + spoutId, () => new ReturnResults()).ShuffleGrouping(node.Id, TridentStreams.DrpcResult);
    }

    private Stream NewBatchStream(string txId, Fields fields, Func<IBatchSource> source)
    {
        ArgumentException.ThrowIfNullOrEmpty(txId);
        if (_txIds.Contains(txId))
        {
            throw new ArgumentException($"NewStream: transaction id '{txId}' is already used by another stream of this topology.", nameof(txId));
        }

        _txIds.Add(txId);
        var node = AddNode(new ProcessorPlan(() => new PassThroughProcessor(), fields), drpcOrigin: null, committer: false, source);
        return new Stream(this, node, node.Root);
    }

    private void Own(Stream stream)
    {
        if (stream.Topology != this)
        {
            throw new ArgumentException("The stream belongs to another TridentTopology.", nameof(stream));
        }
    }
}
