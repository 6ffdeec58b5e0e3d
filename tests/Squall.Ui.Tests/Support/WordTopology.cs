namespace Squall.Ui.Tests.Support;

/// <summary>sentences (FixedSpout, 2 tasks) → split (shuffle, 2) → count (fields "word", 3): three words a sentence.</summary>
internal static class WordTopology
{
    public static StormTopology Build(SpoutLog log, int sentences)
    {
        var input = Enumerable.Range(0, sentences).Select(i => new Values($"w{i % 7} x{i % 5} y{i % 3}")).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("sentences", () => new FixedSpout(input, new Fields("sentence"), log), 2);
        builder.SetBolt("split", () => new SplitWords(), 2).ShuffleGrouping("sentences");
        builder.SetBolt("count", () => new CountWords(), 3).FieldsGrouping("split", new Fields("word"));
        return builder.CreateTopology();
    }

    private sealed class SplitWords : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("word"));

        public override void Execute(Tuple input, BasicOutputCollector collector)
        {
            foreach (var word in input.GetString(0)!.Split(' '))
            {
                collector.Emit(new Values(word));
            }
        }
    }

    /// <summary>Counts nothing, but reports one error per task (on its first word) so the error fields are exercised.</summary>
    private sealed class CountWords : BaseBasicBolt
    {
        private bool _reported;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Execute(Tuple input, BasicOutputCollector collector)
        {
            if (!_reported)
            {
                _reported = true;
                collector.ReportError(new InvalidOperationException($"first word: {input.GetString(0)}"));
            }
        }
    }
}
