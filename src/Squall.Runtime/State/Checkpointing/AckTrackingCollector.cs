namespace Squall.Runtime.State.Checkpointing;

/// <summary>
/// The collector a stateful bolt sees: acks are held until the state they depend on is committed (then acked) or rolled back
/// (then failed, so the spout replays them); emits must be anchored, as Storm requires in a stateful topology.
/// </summary>
internal sealed class AckTrackingCollector : OutputCollector
{
    private readonly OutputCollector _inner;
    private readonly List<Tuple> _acked = [];

    public AckTrackingCollector(OutputCollector inner) => _inner = inner;

    public OutputCollector Inner => _inner;

    /// <summary>Takes the acks held since the last call.</summary>
    public List<Tuple> TakeAcked()
    {
        var taken = new List<Tuple>(_acked);
        _acked.Clear();
        return taken;
    }

    public override void Ack(Tuple input) => _acked.Add(input);

    public override void Fail(Tuple input, string? reason) => _inner.Fail(input, reason);

    public override void ResetTimeout(Tuple input) => _inner.ResetTimeout(input);

    public override void ReportError(Exception error) => _inner.ReportError(error);

    protected override TaskIds EmitCore(string streamId, ReadOnlySpan<Tuple> anchors, Values values, int directTask)
    {
        if (anchors.IsEmpty)
        {
            throw new InvalidOperationException(
                $"Bolts in a stateful topology must emit anchored tuples (stream '{streamId}'): pass the input tuple as the anchor, " +
                "so a failure replays it and the state stays consistent with what was emitted.");
        }

        var array = anchors.ToArray();
        if (directTask >= 0)
        {
            _inner.EmitDirect(directTask, streamId, array, values);
            return default;
        }

        return _inner.Emit(streamId, array, values);
    }
}
