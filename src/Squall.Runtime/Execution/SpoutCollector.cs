using Squall.Runtime.EventLogging;
using Squall.Runtime.Messaging;
using Squall.Runtime.Routing;

namespace Squall.Runtime.Execution;

/// <summary>The runtime's <see cref="SpoutOutputCollector"/>: starts a tracked tree for each emit with a message id.</summary>
internal sealed class SpoutCollector : SpoutOutputCollector
{
    private readonly SpoutTask _task;
    private readonly Emitter _emitter;

    public SpoutCollector(SpoutTask task, Emitter emitter)
    {
        _task = task;
        _emitter = emitter;
    }

    public override int PendingCount => _task.PendingCount;

    public override void ReportError(Exception error) => _task.ReportError(error);

    public override void Flush()
    {
        _task.CheckCollectorThread();
        _task.Outbox.Flush();
    }

    protected override TaskIds EmitCore(string streamId, Values values, object? messageId, int directTask)
    {
        _task.CheckCollectorThread();
        var items = values.Items;
        var route = _emitter.Resolve(streamId, ref items, directTask, out var targets);
        var edges = _emitter.Sampler.Next() ? new List<EventEdge>(targets.Length) : null;
        if (messageId is not null && _emitter.AckingEnabled)
        {
            EmitTracked(streamId, items, route, targets, messageId, edges);
            return _emitter.TargetIds(targets.Length);
        }

        // Untracked: one immutable tuple serves every target.
        var shared = new Tuple(items, route.Stream, _emitter.TaskId);
        foreach (var target in targets)
        {
            _emitter.Send(shared, target);
            edges?.Add(new EventEdge(0, 0, target));
        }

        if (edges is not null)
        {
            _emitter.Sampler.Emitted(streamId, items, messageId, edges);
        }

        if (messageId is not null)
        {
            _task.CompleteWithoutTree(messageId, route.Stream.Index);
        }

        return _emitter.TargetIds(targets.Length);
    }

    /// <summary>A tuple per target with its edge id, and the tree started at the acker (its own method: kept inline, it grew every emit's frame).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void EmitTracked(string streamId, Value[] items, StreamRoute route, ReadOnlySpan<int> targets, object messageId, List<EventEdge>? edges)
    {
        var root = _emitter.NextId();
        long xor = 0;
        foreach (var target in targets)
        {
            var edge = _emitter.NextId();
            xor ^= edge;
            _emitter.Send(new Tuple(items, route.Stream, _emitter.TaskId) { RootId = root, EdgeId = edge }, target);
            _emitter.Recorder?.Emitted(root, edge, parent: 0, route.Stream.Index, target);
            edges?.Add(new EventEdge(root, edge, target));
        }

        if (edges is not null)
        {
            _emitter.Sampler.Emitted(streamId, items, messageId, edges);
        }

        if (targets.Length == 0)
        {
            _task.CompleteWithoutTree(messageId, route.Stream.Index);
        }
        else
        {
            _task.Track(root, messageId, route.Stream.Index, sampled: edges is not null);
            _task.SendToAcker(MessageKind.AckInit, root, xor);
        }
    }
}
