using System.Collections.Concurrent;

namespace StatefulWordCount;

/// <summary>Keeps the latest count seen per word (counts only grow), for the console; in-process only.</summary>
public sealed class CountPrinterBolt : BaseBasicBolt
{
    private readonly ConcurrentDictionary<string, long> _latest;

    public CountPrinterBolt(ConcurrentDictionary<string, long> latest) => _latest = latest;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        var count = input.GetLong(1);
        _latest.AddOrUpdate(input.GetString(0)!, count, (_, old) => Math.Max(old, count));
    }
}
