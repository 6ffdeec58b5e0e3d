namespace Squall.Testing;

/// <summary>
/// A bolt that records each tuple in a <see cref="CaptureSink"/> and acks it; with output fields, it also
/// emits the input's values, anchored, so it can sit in the middle of a topology.
/// </summary>
public sealed class CaptureBolt : BaseRichBolt
{
    private readonly CaptureSink _sink;
    private readonly Fields? _output;
    private OutputCollector? _collector;
    private int _taskId;

    /// <summary>Creates the bolt; give every task the same <paramref name="sink"/>.</summary>
    public CaptureBolt(CaptureSink sink, Fields? output = null)
    {
        _sink = sink;
        _output = output;
    }

    /// <inheritdoc/>
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        if (_output is not null)
        {
            declarer.Declare(_output);
        }
    }

    /// <inheritdoc/>
    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _taskId = context.ThisTaskId;
    }

    /// <inheritdoc/>
    public override void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _sink.Add(new Received(_taskId, input.SourceComponent, input.SourceTask, input.SourceStreamId, [.. input.GetValues().Select(v => v.AsObject())]));
        if (_output is not null)
        {
            _collector!.Emit(input, input.GetValues());
        }

        _collector!.Ack(input);
    }
}
