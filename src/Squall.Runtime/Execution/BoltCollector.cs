using Squall.Runtime.EventLogging;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>
/// The runtime's <see cref="OutputCollector"/>: anchoring XORs a fresh edge id into each anchor's ack value
/// and into the new tuple's ids for each of the anchor's roots (Storm's scheme); ack and fail go to the ackers.
/// </summary>
internal sealed class BoltCollector : OutputCollector
{
    private readonly BoltTask _task;
    private readonly Emitter _emitter;
    private FailureReason? _failedWithoutMessage;

    public BoltCollector(BoltTask task, Emitter emitter)
    {
        _task = task;
        _emitter = emitter;
    }

    public override void Ack(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _task.CheckCollectorThread();
        if (_task.HasHooks)
        {
            HookAck(input);
        }

        _task.Acked(input, failed: false);
        if (_emitter.Sampler.Next())
        {
            _emitter.Sampler.Verdict(input, failed: false, reason: null);
        }

        if (input.RootId != 0 && _emitter.AckingEnabled)
        {
            AckTrees(input);
        }
    }

    public override void Fail(Tuple input, string? reason)
    {
        ArgumentNullException.ThrowIfNull(input);
        _task.CheckCollectorThread();
        if (_task.HasHooks)
        {
            HookFail(input, reason);
        }

        _task.Acked(input, failed: true);
        if (_emitter.Sampler.Next())
        {
            _emitter.Sampler.Verdict(input, failed: true, reason ?? "failed");
        }

        if (input.RootId == 0 || !_emitter.AckingEnabled)
        {
            return;
        }

        // The reason without a message is the same every time: made once, so a plain Fail allocates nothing.
        var why = reason is null
            ? _failedWithoutMessage ??= new FailureReason(FailureKind.Failed, _task.ComponentId, _task.TaskId, null)
            : new FailureReason(FailureKind.Failed, _task.ComponentId, _task.TaskId, reason);
        _emitter.Recorder?.Settled(input, failed: true);
        SendToEachRoot(input, MessageKind.Fail, why);
    }

    public override void ResetTimeout(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _task.CheckCollectorThread();
        if (input.RootId != 0 && _emitter.AckingEnabled)
        {
            SendToEachRoot(input, MessageKind.ResetTimeout, reason: null);
        }
    }

    public override void ReportError(Exception error) => _task.ReportError(error);

    public override void Flush()
    {
        _task.CheckCollectorThread();
        _task.Outbox.Flush();
    }

    protected override TaskIds EmitCore(string streamId, ReadOnlySpan<Tuple> anchors, Values values, int directTask)
    {
        _task.CheckCollectorThread();
        var items = values.Items;
        var route = _emitter.Resolve(streamId, ref items, directTask, out var targets);
        var edges = _emitter.Sampler.Next() ? new List<EventEdge>(targets.Length) : null;
        if (!_emitter.AckingEnabled || !AnyRooted(anchors))
        {
            var shared = new Tuple(items, route.Stream, _emitter.TaskId);
            foreach (var target in targets)
            {
                _emitter.Send(shared, target);
                edges?.Add(new EventEdge(0, 0, target));
            }

            if (edges is not null)
            {
                _emitter.Sampler.Emitted(streamId, items, null, edges);
            }

            return _emitter.TargetIds(targets.Length);
        }

        foreach (var target in targets)
        {
            var tuple = new Tuple(items, route.Stream, _emitter.TaskId);
            foreach (var anchor in anchors)
            {
                if (anchor.RootId != 0)
                {
                    var edge = _emitter.NextId();
                    anchor.AckVal ^= edge;
                    AnchorIds.XorFrom(tuple, anchor, edge);
                }
            }

            _emitter.Send(tuple, target);
            _emitter.Recorder?.Emitted(tuple, anchors, route.Stream.Index, target);
            if (edges is not null)
            {
                EventSampler.AddEdges(edges, tuple, target);
            }
        }

        if (edges is not null)
        {
            _emitter.Sampler.Emitted(streamId, items, null, edges, AnchorEdges(anchors));
        }

        return _emitter.TargetIds(targets.Length);
    }

    // Hook events are built out of line: inlined, they made Ack's frame large enough to cost every ack.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void HookAck(Tuple input) => _task.RunHooks(static (h, i) => h.BoltAck(i), new BoltAckInfo(input, _task.TaskId));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void HookFail(Tuple input, string? reason) => _task.RunHooks(static (h, i) => h.BoltFail(i), new BoltFailInfo(input, _task.TaskId, reason));

    private static List<EventEdge> AnchorEdges(ReadOnlySpan<Tuple> anchors)
    {
        var edges = new List<EventEdge>();
        foreach (var anchor in anchors)
        {
            EventSampler.AddEdges(edges, anchor, -1);
        }

        return edges;
    }

    private static bool AnyRooted(ReadOnlySpan<Tuple> anchors)
    {
        foreach (var anchor in anchors)
        {
            if (anchor.RootId != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An ack per tree the input belongs to (out of line: its messages need stack an untracked ack should not clear).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void AckTrees(Tuple input)
    {
        _emitter.Recorder?.Settled(input, failed: false);
        _task.SendToAcker(MessageKind.Ack, input.RootId, input.EdgeId ^ input.AckVal);
        if (input.ExtraAnchors is { } extra)
        {
            for (var i = 0; i < extra.Length; i += 2)
            {
                _task.SendToAcker(MessageKind.Ack, extra[i], extra[i + 1] ^ input.AckVal);
            }
        }
    }

    /// <summary>One message per tree the input belongs to; a loop, not a lambda, so nothing is allocated.</summary>
    private void SendToEachRoot(Tuple input, MessageKind kind, FailureReason? reason)
    {
        _task.SendToAcker(kind, input.RootId, 0, reason);
        if (input.ExtraAnchors is { } extra)
        {
            for (var i = 0; i < extra.Length; i += 2)
            {
                _task.SendToAcker(kind, extra[i], 0, reason);
            }
        }
    }
}
