namespace Squall.Multilang.Tests.Support;

public sealed record BoltEmit(string Stream, Tuple[] Anchors, object?[] Values, int DirectTask);

/// <summary>A bolt collector that records everything and answers emits with fixed task ids.</summary>
public sealed class RecordingOutputCollector : Recorder
{
    private readonly List<BoltEmit> _emits = [];
    private readonly List<Tuple> _acks = [];
    private readonly List<(Tuple Tuple, string? Reason)> _fails = [];

    public RecordingOutputCollector() => Collector = new Impl(this);

    public OutputCollector Collector { get; }

    /// <summary>The task ids each non-direct emit reports, per stream.</summary>
    public Func<string, int[]> TaskIdsFor { get; set; } = _ => [7, 9];

    public IReadOnlyList<BoltEmit> Emits => Snapshot(_emits);

    public IReadOnlyList<Tuple> Acks => Snapshot(_acks);

    public IReadOnlyList<(Tuple Tuple, string? Reason)> Fails => Snapshot(_fails);

    /// <summary>True once <paramref name="input"/> was acked or failed.</summary>
    public bool IsCompleted(Tuple input) => Acks.Contains(input) || Fails.Any(f => ReferenceEquals(f.Tuple, input));

    protected override string Describe() =>
        $"emits [{string.Join("; ", _emits.Select(e => $"{e.Stream}:{string.Join(",", e.Values)}"))}], acks {_acks.Count}, fails {_fails.Count}, errors:\n{DescribeErrors()}";

    private sealed class Impl(RecordingOutputCollector owner) : OutputCollector
    {
        public override void Ack(Tuple input) => owner.Record(() => owner._acks.Add(input));

        public override void Fail(Tuple input, string? reason) => owner.Record(() => owner._fails.Add((input, reason)));

        public override void ResetTimeout(Tuple input)
        {
        }

        public override void ReportError(Exception error) => owner.AddError(error);

        protected override TaskIds EmitCore(string streamId, ReadOnlySpan<Tuple> anchors, Values values, int directTask)
        {
            var emit = new BoltEmit(streamId, anchors.ToArray(), values.Select(v => v.AsObject()).ToArray(), directTask);
            owner.Record(() => owner._emits.Add(emit));
            var ids = directTask >= 0 ? [directTask] : owner.TaskIdsFor(streamId);
            return new TaskIds(ids, ids.Length);
        }
    }
}
