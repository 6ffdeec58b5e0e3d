using Squall.Runtime.Messaging;
using Squall.Runtime.Metrics;
using Squall.Runtime.Routing;
using Squall.Runtime.Transport;

namespace Squall.Runtime.Execution;

/// <summary>
/// The emit path of one task: resolve the stream, ask each subscription's grouper for targets, build the
/// tuple(s) with their ack ids, and append them to the executor's outbox. Nothing here allocates except the
/// tuples themselves.
/// </summary>
internal sealed class Emitter
{
    private readonly TaskRunner _owner;
    private readonly WorkerContext _worker;
    private readonly StreamRoute[] _routes;
    private readonly Dictionary<string, int> _streamIndex;
    private readonly int _defaultStream;
    private ulong _idState = (ulong)Random.Shared.NextInt64();
    private readonly TaskMetrics _metrics;
    private readonly TupleRoundTrip? _roundTrip;
    private readonly SerializabilityCheck? _check;
    private int[] _targets = new int[16];

    /// <summary>Indexed by task id: the fused tasks this one feeds by direct call; null when it feeds none (one compare per send).</summary>
    private BoltTask?[]? _fused;

    public Emitter(TaskRunner owner, ComponentSpec component, StreamRoute[] routes, TaskMetrics metrics)
    {
        _owner = owner;
        _worker = owner.Worker;
        Component = component;
        TaskId = owner.TaskId;
        _routes = routes;
        _metrics = metrics;
        _streamIndex = component.Streams.ToDictionary(s => s.Key, s => s.Value.Index, StringComparer.Ordinal);
        _defaultStream = _streamIndex.GetValueOrDefault(Constants.DefaultStreamId, -1);
        _roundTrip = _worker.Options.AlwaysTrySerialize ? new TupleRoundTrip(_worker.Serializers) : null;
        _check = _roundTrip is null ? new SerializabilityCheck(_worker.Serializers) : null;
        Sampler = new EventLogging.EventSampler(_worker.Events, component.Id, TaskId, _worker.Time);
        Recorder = _worker.FailedTrees.RecorderFor(TaskId);
    }

    /// <summary>This task's flight recorder of acked trees (null when <c>topology.tuple.tree.recorder.size</c> is 0 or acking is off).</summary>
    public TupleTrees.TreeRecorder? Recorder { get; }

    /// <summary>Debug sampling of this task's emits, acks and fails (Storm's event logger).</summary>
    public EventLogging.EventSampler Sampler { get; }

    public ComponentSpec Component { get; }

    /// <summary><c>topology.debug</c> for this component: log every emit. Off, it costs one predictable branch.</summary>
    public bool Debug { get; init; }

    public int TaskId { get; }

    public bool AckingEnabled => _worker.Options.AckingEnabled;

    /// <summary>A random id for a tree root or an edge; never 0, which means "untracked".</summary>
    /// <remarks>
    /// SplitMix64 over a randomly seeded counter: two ids per acked tuple made Random.NextInt64(min, max) a
    /// visible cost; ids only need to be well mixed and, in practice, distinct, not cryptographic.
    /// </remarks>
    public long NextId()
    {
        long id;
        do
        {
            var z = _idState += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            id = (long)(z ^ (z >> 31));
        }
        while (id == 0);
        return id;
    }

    /// <summary>Checks the emit against the stream's declaration and picks its target tasks (a view of a reused buffer).</summary>
    public StreamRoute Resolve(string streamId, ref Value[] values, int directTask, out ReadOnlySpan<int> targets)
    {
        var streamIndex = StreamIndex(streamId);
        var route = _routes[streamIndex];
        if (_roundTrip is not null)
        {
            values = _roundTrip.Apply(values, Component.Id, streamId);
        }
        else
        {
            _check!.Check(values, Component.Id, streamId);
        }

        if (values.Length != route.Stream.Fields.Count)
        {
            ThrowFieldCount(route, streamId, values.Length);
        }

        var count = 0;
        if (directTask >= 0)
        {
            CheckDirect(route, streamId, directTask);
            _targets[count++] = directTask;
        }
        else
        {
            if (route.Stream.IsDirect)
            {
                ThrowNotDirect(streamId);
            }

            var groupers = route.Groupers;
            var first = groupers.Length == 0 ? default : groupers[0].Choose(TaskId, values);
            if (groupers.Length == 1 && first.Length == 1)
            {
                // The common case (one subscriber, one target) without the copy loop's span set-up.
                _targets[count++] = first[0];
            }
            else
            {
                count = ChooseAll(groupers, first, values);
            }
        }

        targets = new ReadOnlySpan<int>(_targets, 0, count);
        var output = _metrics.Outputs[streamIndex];
        output.Emitted++;
        output.Transferred += count;
        _metrics.Emitted++;

        if (Debug || _owner.HasHooks)
        {
            Observe(streamId, values, targets);
        }

        return route;
    }

    public TaskIds TargetIds(int count) => new(_targets, count);

    /// <summary>Delivers <paramref name="tuple"/>: a fused task executes it now, on this thread; any other gets it through the outbox.</summary>
    public void Send(Tuple tuple, int targetTask)
    {
        if (_fused is { } fused && fused[targetTask] is { } downstream)
        {
            downstream.ExecuteFused(tuple);
            return;
        }

        _owner.Outbox.Add(_worker.ExecutorOfTask[targetTask], Envelope.ForTuple(tuple, targetTask));
    }

    /// <summary>From now on, tuples for <paramref name="downstream"/> are executed inside the emit (see <see cref="FusionPlan"/>).</summary>
    public void Fuse(BoltTask downstream)
    {
        _fused ??= new BoltTask?[_worker.Layout.MaxTaskId + 1];
        _fused[downstream.TaskId] = downstream;
    }

    /// <summary>Out of line, so an emit nobody watches carries none of this code: the debug log and the task hooks.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void Observe(string streamId, Value[] values, ReadOnlySpan<int> targets)
    {
        if (Debug)
        {
            _worker.Log?.Invoke($"Emitting: {Component.Id}:{TaskId} {streamId} {new Values(values)} -> tasks [{string.Join(", ", targets.ToArray())}]");
        }

        if (_owner.HasHooks)
        {
            _owner.RunHooks(static (h, i) => h.Emit(i), new EmitInfo(new Values(values), streamId, TaskId, targets.ToArray()));
        }
    }

    // Throws out of line: an interpolated message inlined here gave every emit a large stack frame to clear.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ThrowFieldCount(StreamRoute route, string streamId, int count) => throw new InvalidOperationException(
        $"Component '{Component.Id}' emitted {count} values on stream '{streamId}', which declares {route.Stream.Fields.Count} fields ({route.Stream.Fields}).");

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void ThrowNotDirect(string streamId) =>
        throw new InvalidOperationException($"Component '{Component.Id}' must use EmitDirect on stream '{streamId}', which is declared direct.");

    // The default stream is the common case: the collector passes the interned constant, so skip hashing, inline.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int StreamIndex(string streamId) =>
        ReferenceEquals(streamId, Constants.DefaultStreamId) && _defaultStream >= 0 ? _defaultStream : NamedStreamIndex(streamId);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int NamedStreamIndex(string streamId) => _streamIndex.TryGetValue(streamId, out var index)
        ? index
        : throw new InvalidOperationException($"Component '{Component.Id}' emitted on stream '{streamId}', which it does not declare (it declares: {string.Join(", ", _streamIndex.Keys)}).");

    private void CheckDirect(StreamRoute route, string streamId, int directTask)
    {
        if (!route.Stream.IsDirect)
        {
            throw new InvalidOperationException($"Component '{Component.Id}' emitted direct on stream '{streamId}', which is not declared direct.");
        }

        var subscribed = directTask < route.DirectTargets.Length && route.DirectTargets[directTask];
        if (!subscribed)
        {
            throw new InvalidOperationException(
                $"Component '{Component.Id}' emitted direct to task {directTask} on stream '{streamId}', but that task does not subscribe to it with a direct grouping.");
        }
    }

    /// <summary>Every subscription's targets, one after another; <paramref name="first"/> is what the first grouper already chose (each is asked once: a grouper's choice has state).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int ChooseAll(IGrouper[] groupers, ReadOnlySpan<int> first, Value[] values)
    {
        var count = 0;
        for (var i = 0; i < groupers.Length; i++)
        {
            var chosen = i == 0 ? first : groupers[i].Choose(TaskId, values);
            EnsureCapacity(count + chosen.Length);
            chosen.CopyTo(_targets.AsSpan(count));
            count += chosen.Length;
        }

        return count;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed > _targets.Length)
        {
            Array.Resize(ref _targets, Math.Max(needed, _targets.Length * 2));
        }
    }
}
