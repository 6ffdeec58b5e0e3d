using ReliableWordCount;
using Squall.Runtime;
using WordCount;

// Usage: ReliableWordCount [fail-fraction] [repeats]   (defaults: 0.2 of sentences fail; the built-in sentences 2,000 times)
var failFraction = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 0.2;
var repeats = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
var sentences = Enumerable.Range(0, repeats).SelectMany(_ => Corpus.BuiltIn).ToArray();
var log = new ReplayLog();
var board = new WordCountBoard();

var builder = new TopologyBuilder();
builder.SetSpout("sentences", () => new ReplayingSentenceSpout(sentences, log));
builder.SetBolt("split", () => new FlakySplitBolt(failFraction, seed: 7), 2).ShuffleGrouping("sentences");
builder.SetBolt("count", () => new WordCountBolt(board), 2).FieldsGrouping("split", new Fields("word"));

using var cluster = new LocalCluster();
var conf = new Config { MaxSpoutPending = 5_000 };
cluster.SubmitTopology("reliable-word-count", conf, builder.CreateTopology());
Console.WriteLine($"Counting {sentences.Length:N0} sentences; the split bolt fails {failFraction:P0} of the tuples it gets.");
while (log.AckedCount < sentences.Length)
{
    await Task.Delay(TimeSpan.FromMilliseconds(500));
    Console.WriteLine($"  acked {log.AckedCount:N0} / {sentences.Length:N0}, failed and replayed {log.FailedCount:N0}");
}

cluster.KillTopology("reliable-word-count");
var expected = sentences.SelectMany(s => s.Split(' ')).GroupBy(w => w).ToDictionary(g => g.Key, g => (long)g.Count());
var counts = board.Counts();
var exact = expected.Count == counts.Count && expected.All(e => counts.GetValueOrDefault(e.Key) == e.Value);
Console.WriteLine($"Failures by reason: {string.Join(", ", log.Reasons().Select(r => $"{r.Key} × {r.Value:N0}"))}");
Console.WriteLine(exact
    ? $"Exact: all {expected.Values.Sum():N0} words counted once, despite {log.FailedCount:N0} failures."
    : "NOT exact: the counts differ from the input.");
return exact ? 0 : 1;
