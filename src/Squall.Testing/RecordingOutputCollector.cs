namespace Squall.Testing;

/// <summary>
/// An <see cref="OutputCollector"/> that records what a bolt does, for unit tests with <see cref="TestTuples"/>:
/// <c>bolt.Prepare(conf, null!, collector); bolt.Execute(TestTuples.Make(new Values("a b")));</c>.
/// </summary>
public sealed class RecordingOutputCollector : OutputCollector
{
    private readonly List<(string Stream, Values Values, IReadOnlyList<Tuple> Anchors, int? DirectTask)> _emitted = [];

    /// <summary>Every emit: stream, values, anchors and the direct task (null unless emitted direct).</summary>
    public IReadOnlyList<(string Stream, Values Values, IReadOnlyList<Tuple> Anchors, int? DirectTask)> Emitted => _emitted;

    /// <summary>The acked inputs.</summary>
    public List<Tuple> Acked { get; } = [];

    /// <summary>The failed inputs with their reasons.</summary>
    public List<(Tuple Tuple, string? Reason)> Failed { get; } = [];

    /// <summary>The reported errors.</summary>
    public List<Exception> Errors { get; } = [];

    /// <summary>The inputs whose timeout was reset.</summary>
    public List<Tuple> TimeoutsReset { get; } = [];

    /// <summary>The values emitted on <paramref name="stream"/>, in order.</summary>
    public IReadOnlyList<Values> ValuesOn(string stream = Constants.DefaultStreamId) => [.. _emitted.Where(e => e.Stream == stream).Select(e => e.Values)];

    /// <inheritdoc/>
    public override void Ack(Tuple input) => Acked.Add(input);

    /// <inheritdoc/>
    public override void Fail(Tuple input, string? reason) => Failed.Add((input, reason));

    /// <inheritdoc/>
    public override void ResetTimeout(Tuple input) => TimeoutsReset.Add(input);

    /// <inheritdoc/>
    public override void ReportError(Exception error) => Errors.Add(error);

    /// <inheritdoc/>
    protected override TaskIds EmitCore(string streamId, ReadOnlySpan<Tuple> anchors, Values values, int directTask)
    {
        _emitted.Add((streamId, values, anchors.ToArray(), directTask >= 0 ? directTask : null));
        return default;
    }
}
