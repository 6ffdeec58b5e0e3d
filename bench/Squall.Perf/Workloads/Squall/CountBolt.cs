using Squall.Perf.Corpus;

namespace Squall.Perf.Workloads.Squall;

/// <summary>Storm's WordCount bolt: a dictionary per task; its checksum goes to the probe at cleanup.</summary>
internal sealed class CountBolt(WordCountProbe probe) : BaseBasicBolt
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        var word = input.GetString(0)!;
        _counts.TryGetValue(word, out var count);
        _counts[word] = count + 1;
    }

    public override void Cleanup() => probe.AddChecksum(WordChecksum.Of(_counts));
}
