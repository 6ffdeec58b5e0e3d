using Squall.Runtime;
using Squall.Testing;

namespace SquallApp.Tests;

public class WordCountTopologyTests
{
    [Fact]
    public void Count_emits_each_word_with_its_running_count()
    {
        // The real topology with fixed input in place of WordSpout, run in-process until every word is acked.
        using var cluster = new LocalCluster();
        var words = new MockedSources().AddMockData("words", new Values("storm"), new Values("gale"), new Values("storm"));

        var result = CompleteTopology.Run(cluster, new WordCountTopology().Build(new Config()), words);

        var counts = result.ReadTuples("count");
        Assert.Equal(3, counts.Count);
        Assert.Contains(new Values("gale", 1L), counts);
        Assert.Contains(new Values("storm", 1L), counts);
        Assert.Contains(new Values("storm", 2L), counts);
    }
}
