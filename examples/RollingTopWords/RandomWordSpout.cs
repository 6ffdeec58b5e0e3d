namespace RollingTopWords;

/// <summary>Emits words drawn from the corpus, skewed so that a few words trend (Storm's TestWordSpout, with a ranking worth watching).</summary>
public sealed class RandomWordSpout : BaseRichSpout
{
    private readonly string[] _words;
    private readonly int _seed;
    private readonly int _perSecond;
    private readonly System.Diagnostics.Stopwatch _clock = new();
    private long _emitted;
    private Random? _random;
    private SpoutOutputCollector? _collector;

    /// <param name="sentences">Where the words come from.</param>
    /// <param name="seed">Seeds the draw (plus the task id), so runs repeat.</param>
    /// <param name="perSecond">The rate: a window holds rate × length tuples in memory, so keep it bounded.</param>
    public RandomWordSpout(IEnumerable<string> sentences, int seed, int perSecond = 2_000)
    {
        _perSecond = perSecond;
        _words = [.. sentences.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _seed = seed;
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        _random = new Random(_seed + context.ThisTaskId);
        _clock.Start();
    }

    public override void NextTuple()
    {
        if (_emitted >= _clock.ElapsedMilliseconds * _perSecond / 1000)
        {
            return; // ahead of the rate: let the executor idle
        }

        _emitted++;
        // Squaring a uniform number favours the start of the list: a stable head with a moving tail.
        var u = _random!.NextDouble();
        _collector!.Emit(new Values(_words[(int)(u * u * _words.Length)]));
    }
}
