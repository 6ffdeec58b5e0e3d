namespace Squall.Runtime.Tests.Api;

/// <summary>A bolt unit-tested without a cluster: test tuples in, a recording collector out.</summary>
[Trait("Category", "Unit")]
public sealed class BoltUnitTestKitTests
{
    [Fact]
    public void A_bolt_runs_on_test_tuples_and_ticks_with_a_recording_collector()
    {
        var bolt = new SplitCountBolt();
        var collector = new RecordingOutputCollector();
        bolt.Prepare(new Config(), null!, collector);

        var input = TestTuples.Make(new Values("a b a"), component: "sentences", fields: new Fields("sentence"));
        bolt.Execute(input);
        bolt.Execute(TestTuples.Tick(10));

        collector.ValuesOn().ShouldBe([new Values("a"), new Values("b"), new Values("a")]);
        collector.ValuesOn("counts").ShouldBe([new Values("a", 2), new Values("b", 1)]);
        collector.Emitted[0].Anchors.ShouldBe([input]);
        collector.Acked.ShouldBe([input]);
    }

    private sealed class SplitCountBolt : BaseRichBolt
    {
        private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);
        private OutputCollector? _collector;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
            declarer.Declare(new Fields("word"));
            declarer.DeclareStream("counts", new Fields("word", "count"));
        }

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

        public override void Execute(Tuple input)
        {
            if (input.IsTick)
            {
                foreach (var (word, count) in _counts)
                {
                    _collector!.Emit("counts", new Values(word, count));
                }

                return;
            }

            foreach (var word in input.GetStringByField("sentence")!.Split(' '))
            {
                _counts[word] = _counts.GetValueOrDefault(word) + 1;
                _collector!.Emit(input, new Values(word));
            }

            _collector!.Ack(input);
        }
    }
}
