namespace Squall;

/// <summary>Runs an <see cref="IBasicBolt"/> as a rich bolt: anchors its emits, acks on return, fails when it throws.</summary>
internal sealed class BasicBoltExecutor : IRichBolt
{
    private readonly IBasicBolt _bolt;
    private OutputCollector? _output;
    private BasicOutputCollector? _collector;

    public BasicBoltExecutor(IBasicBolt bolt) => _bolt = bolt;

    public void DeclareOutputFields(OutputFieldsDeclarer declarer) => _bolt.DeclareOutputFields(declarer);

    public IReadOnlyDictionary<string, object?>? GetComponentConfiguration() => _bolt.GetComponentConfiguration();

    public void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _output = collector;
        _collector = new BasicOutputCollector(collector);
        _bolt.Prepare(conf, context);
    }

    public void Execute(Tuple input)
    {
        _collector!.Input = input;
        try
        {
            _bolt.Execute(input, _collector);
            _output!.Ack(input);
        }
        catch (FailedException e)
        {
            if (e is ReportedFailedException)
            {
                _output!.ReportError(e);
            }

            _output!.Fail(input, e.Message);
        }
        catch (Exception e)
        {
            // Beyond Storm (where this kills the worker): report it, and fail the input so the spout replays
            // it now, with the reason, instead of after a timeout.
            _output!.ReportError(e);
            _output.Fail(input, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _collector.Input = null;
        }
    }

    public void Cleanup() => _bolt.Cleanup();
}
