namespace Squall.Multilang.Tests.Support;

public sealed record SpoutEmit(string Stream, object?[] Values, object? MessageId, int DirectTask);

/// <summary>A spout collector that records emits and errors and answers emits with fixed task ids.</summary>
public sealed class RecordingSpoutCollector : Recorder
{
    private readonly List<SpoutEmit> _emits = [];

    public RecordingSpoutCollector() => Collector = new Impl(this);

    public SpoutOutputCollector Collector { get; }

    public Func<string, int[]> TaskIdsFor { get; set; } = _ => [4, 5];

    /// <summary>Called inside each emit, as an engine with acking off acks synchronously.</summary>
    public Action<SpoutEmit>? OnEmit { get; set; }

    public IReadOnlyList<SpoutEmit> Emits => Snapshot(_emits);

    protected override string Describe() =>
        $"emits [{string.Join("; ", _emits.Select(e => $"{e.Stream}:{string.Join(",", e.Values)} id={e.MessageId}"))}], errors:\n{DescribeErrors()}";

    private sealed class Impl(RecordingSpoutCollector owner) : SpoutOutputCollector
    {
        public override int PendingCount => 0;

        public override void ReportError(Exception error) => owner.AddError(error);

        protected override TaskIds EmitCore(string streamId, Values values, object? messageId, int directTask)
        {
            var emit = new SpoutEmit(streamId, values.Select(v => v.AsObject()).ToArray(), messageId, directTask);
            owner.Record(() => owner._emits.Add(emit));
            owner.OnEmit?.Invoke(emit);
            var ids = directTask >= 0 ? [directTask] : owner.TaskIdsFor(streamId);
            return new TaskIds(ids, ids.Length);
        }
    }
}
