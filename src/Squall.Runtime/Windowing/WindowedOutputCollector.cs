namespace Squall.Runtime.Windowing;

/// <summary>
/// The collector a windowed bolt sees: an emit without anchors is anchored to every tuple of the current window (so a failure
/// downstream replays the window's inputs), and acks are ignored because the runtime acks each input when it leaves the window.
/// </summary>
internal sealed class WindowedOutputCollector : OutputCollector
{
    private readonly OutputCollector _inner;

    public WindowedOutputCollector(OutputCollector inner) => _inner = inner;

    /// <summary>The tuples of the window being executed; emits without anchors are anchored to these.</summary>
    public Tuple[] CurrentWindow { get; set; } = [];

    public override void Ack(Tuple input)
    {
        // The window acks its inputs when they expire; an early ack would complete trees still in the window.
    }

    public override void Fail(Tuple input, string? reason) => _inner.Fail(input, reason);

    public override void ResetTimeout(Tuple input) => _inner.ResetTimeout(input);

    public override void ReportError(Exception error) => _inner.ReportError(error);

    protected override TaskIds EmitCore(string streamId, ReadOnlySpan<Tuple> anchors, Values values, int directTask)
    {
        var effective = anchors.IsEmpty ? CurrentWindow : anchors.ToArray();
        if (directTask >= 0)
        {
            _inner.EmitDirect(directTask, streamId, effective, values);
            return default;
        }

        return _inner.Emit(streamId, effective, values);
    }
}
