using System.Globalization;
using Squall.Runtime;
using Squall.Runtime.State;
using Squall.Trident.Spout;
using Squall.Trident.State;
using TridentWordCount;

// Usage: TridentWordCount [SECONDS]   (default 10)
// Counts words of cycling sentences exactly once in an in-memory map state, and every second asks the DRPC function
// 'words' for the summed counts of a few words, as storm-starter's TridentWordCount does.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
using var drpc = new LocalDrpc();
using var cluster = new LocalCluster();
var topology = new TridentTopology();
var sentences = topology.NewStream(
    "trident-word-count-spout",
    () => new FixedBatchSpout(new Fields("sentence"), 3, [.. TridentWordCountTopology.Sentences.Select(s => new object?[] { s })]) { Cycle = true });
var counts = TridentWordCountTopology.WordCounts(sentences, MapStateFactory.Transactional(new InMemoryMapStoreFactory(), "trident-word-counts-" + Environment.ProcessId));
TridentWordCountTopology.Query(topology, counts, drpc);
cluster.SubmitTopology("trident-word-count", new Config { MaxSpoutPending = 3 }, topology.Build());
for (var i = 0; i < seconds; i++)
{
    await Task.Delay(TimeSpan.FromSeconds(1));
    foreach (var words in new[] { "cat the dog jumped", "the", "man apples" })
    {
        Console.WriteLine($"DRPC RESULT words(\"{words}\") = {await drpc.ExecuteAsync(TridentWordCountTopology.Function, words)}");
    }
}
