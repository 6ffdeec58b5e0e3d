using System.Globalization;
using Squall.Trident.Operation;

namespace Squall.Trident.Runtime;

/// <summary>
/// Runs one node of a Trident topology: its processors, batch by batch (Storm's <c>TridentBoltExecutor</c>).
/// <para>
/// A batch attempt is complete on a task when every upstream task has sent its report on <c>$coord</c> and the data
/// tuples received add up to the counts reported. The reports are held (not acked) until then, so the batch's tuple
/// tree — rooted at the coordinator's <c>$batch</c> tuple — stays open while any task still works on it: the acker's
/// "batch done" is exact. On completion the processors finish (aggregates emit), this task reports to each downstream
/// task how many tuples it sent it, and acks. A committer instead acks at completion and finishes (writes its state)
/// when the coordinator's <c>$commit</c> for that attempt arrives; having lost the batch (a restart), it fails the
/// commit and the coordinator replays the txid. Tuples of an older attempt than the one tracked are dropped.
/// </para>
/// </summary>
internal sealed class TridentBolt(NodeSpec spec) : BaseRichBolt
{
    private readonly Dictionary<long, TrackedBatch> _batches = [];
    private readonly Dictionary<GlobalStreamId, int> _inputs = [];
    private readonly List<int> _reportTargets = [];
    private OutputCollector? _collector;
    private NodeContext? _node;
    private Processor? _root;
    private IBatchSource? _source;
    private int _slots;
    private int _expectedReports;
    private long _drpcRequests;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        foreach (var (stream, fields) in spec.Streams)
        {
            declarer.DeclareStream(stream, TridentStreams.DataFields(fields));
        }

        declarer.DeclareStream(TridentStreams.Coord, direct: true, TridentStreams.CoordFields);
        declarer.DeclareStream(TridentStreams.DrpcResult, TridentStreams.DrpcResultFields);
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        for (var i = 0; i < spec.Inputs.Count; i++)
        {
            _inputs[spec.Inputs[i]] = i;
        }

        foreach (var source in context.GetThisSources())
        {
            if (source.StreamId == TridentStreams.Coord)
            {
                _expectedReports += context.GetComponentTasks(source.SourceComponent).Count;
            }
        }

        if (context.GetThisTargets().TryGetValue(TridentStreams.Coord, out var targets))
        {
            foreach (var (component, _) in targets)
            {
                _reportTargets.AddRange(context.GetComponentTasks(component));
            }
        }

        _node = new NodeContext(conf, context, collector, EmitData);
        _root = spec.Root.Instantiate(ref _slots);
        Prepare(_root, _node);
        _source = spec.Source?.Invoke();
        _source?.Open(conf, context);
    }

    public override void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        switch (input.SourceStreamId)
        {
            case TridentStreams.Batch:
                Start(input, Replace(input.GetLong(0), input.GetLong(1)), batch => _source!.Emit(batch.Txid, Collector(batch)));
                break;
            case TridentStreams.Success:
                _source!.Success(input.GetLong(0));
                _collector!.Ack(input);
                break;
            case TridentStreams.Commit:
                Commit(input);
                break;
            case TridentStreams.Coord:
                Report(input);
                break;
            default:
                if (input.SourceComponent == spec.DrpcSpout)
                {
                    StartDrpc(input);
                }
                else
                {
                    Data(input);
                }

                break;
        }
    }

    public override void Cleanup()
    {
        if (_root is not null)
        {
            Cleanup(_root);
        }

        _source?.Dispose();
    }

    private static void Prepare(Processor processor, NodeContext node)
    {
        processor.Prepare(node);
        foreach (var child in processor.Children)
        {
            Prepare(child, node);
        }
    }

    private static void Cleanup(Processor processor)
    {
        processor.Cleanup();
        foreach (var child in processor.Children)
        {
            Cleanup(child);
        }
    }

    /// <summary>A spout or DRPC node starts a batch itself: emit it all, then it is complete.</summary>
    private void Start(Tuple trigger, TrackedBatch batch, Action<TrackedBatch> emit)
    {
        _node!.Anchors = [trigger];
        if (Run(batch, [trigger], () => emit(batch)))
        {
            Finish(batch, [trigger]);
        }
    }

    private void StartDrpc(Tuple request)
    {
        // A DRPC request is a batch of one tuple, never replayed; its id only has to be unique among this node's tasks.
        var batch = Replace((((long)_node!.Context.ThisTaskIndex) << 40) | ++_drpcRequests, 0);
        Start(request, batch, b =>
        {
            _root!.Execute(b, 0, [request.GetValue(0)]);
            EmitData(b, TridentStreams.DrpcReturnInfo, [request.GetValue(1)]);
        });
    }

    private void Data(Tuple input)
    {
        if (Track(input) is not { } batch)
        {
            return;
        }

        batch.Received++;
        _node!.Anchors = [input];
        var values = new object?[input.Count - TridentStreams.UserOffset];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = input.GetValue(i + TridentStreams.UserOffset);
        }

        if (Run(batch, [input], () => _root!.Execute(batch, _inputs[input.SourceGlobalStreamId], values)))
        {
            _collector!.Ack(input);
            CheckComplete(batch);
        }
    }

    private void Report(Tuple report)
    {
        if (Track(report) is not { } batch)
        {
            return;
        }

        batch.Reports++;
        batch.Expected += report.GetLong(2);
        batch.Held.Add(report);
        CheckComplete(batch);
    }

    private void CheckComplete(TrackedBatch batch)
    {
        if (batch.Reports < _expectedReports || batch.Received < batch.Expected)
        {
            return;
        }

        if (spec.Committer)
        {
            batch.Ready = true;
            AckAll(batch.Held);
            batch.Held.Clear();
        }
        else
        {
            Finish(batch, batch.Held);
        }
    }

    private void Finish(TrackedBatch batch, List<Tuple> anchors)
    {
        _node!.Anchors = anchors;
        if (!Run(batch, anchors, () => _root!.Finish(batch)))
        {
            return;
        }

        foreach (var task in _reportTargets)
        {
            _collector!.EmitDirect(task, TridentStreams.Coord, anchors, new Values(batch.Txid, batch.Attempt, batch.Sent.GetValueOrDefault(task)));
        }

        AckAll(anchors);
        _batches.Remove(batch.Txid);
    }

    private void Commit(Tuple commit)
    {
        var txid = commit.GetLong(0);
        if (!_batches.TryGetValue(txid, out var batch) || batch.Attempt != commit.GetLong(1) || !batch.Ready)
        {
            _collector!.Fail(commit, "the committer " + _node!.Context.ThisComponentId + " does not hold batch " + txid.ToString(CultureInfo.InvariantCulture) + " complete (restarted?): replaying it");
            return;
        }

        _node!.Anchors = [commit];
        try
        {
            _root!.Finish(batch);
            _collector!.Ack(commit);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A state write that fails (store down) fails the commit: the coordinator replays the txid, the map state skips what is in.
            _collector!.ReportError(e);
            _collector.Fail(commit, e.Message);
        }

        // Older batches can only be leftovers of attempts that failed elsewhere: they will never complete.
        foreach (var old in _batches.Keys.Where(t => t <= txid).ToList())
        {
            _batches.Remove(old);
        }
    }

    /// <summary>The batch a tuple belongs to, or null (tuple acked) if it is of an older or failed attempt.</summary>
    private TrackedBatch? Track(Tuple input)
    {
        var txid = input.GetLong(0);
        var attempt = input.GetLong(1);
        if (!_batches.TryGetValue(txid, out var batch) || batch.Attempt < attempt)
        {
            batch = Replace(txid, attempt);
        }

        if (batch.Attempt != attempt || batch.Failed)
        {
            _collector!.Ack(input);
            return null;
        }

        return batch;
    }

    private TrackedBatch Replace(long txid, long attempt) => _batches[txid] = new TrackedBatch(txid, attempt, _slots);

    /// <summary>Runs user code for a batch; a <see cref="FailedException"/> fails the batch (its anchors), as in Storm.</summary>
    private bool Run(TrackedBatch batch, IReadOnlyList<Tuple> anchors, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (FailedException e)
        {
            batch.Failed = true;
            foreach (var tuple in anchors.Union(batch.Held, (IEqualityComparer<Tuple>)ReferenceEqualityComparer.Instance))
            {
                _collector!.Fail(tuple, e.Message);
            }

            batch.Held.Clear();
            return false;
        }
    }

    private void EmitData(TrackedBatch batch, string streamId, object?[] values)
    {
        var tuple = new object?[values.Length + TridentStreams.UserOffset];
        tuple[0] = batch.Txid;
        tuple[1] = batch.Attempt;
        values.CopyTo(tuple, TridentStreams.UserOffset);
        var tasks = _collector!.Emit(streamId, _node!.Anchors, new Values(tuple));
        foreach (var task in tasks)
        {
            batch.Sent[task] = batch.Sent.GetValueOrDefault(task) + 1;
        }
    }

    private OperationCollector Collector(TrackedBatch batch) => new(_node!, values => _root!.Execute(batch, 0, values));

    private void AckAll(List<Tuple> tuples)
    {
        foreach (var tuple in tuples)
        {
            _collector!.Ack(tuple);
        }
    }
}
