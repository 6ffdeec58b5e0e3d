using System.Globalization;
using MultilangWordCount;
using Squall.Runtime;

// Usage: MultilangWordCount [seconds] [python|ruby|node-async]   (default 10 s, python). Needs node and the
// split's interpreter (python3 or ruby) on PATH.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var splitName = args.Length > 1 ? args[1] : "python";
(string Command, string Script) split;
try
{
    split = MultilangWordCountTopology.Split(splitName);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var counts = new WordCounts();
var conf = new Config { MaxSpoutPending = 200 };

using (var cluster = new LocalCluster())
{
    cluster.SubmitTopology("multilang-word-count", conf, MultilangWordCountTopology.Build(counts, splitScript: split.Script, splitCommand: split.Command));
    Console.WriteLine($"multilang word count running in local mode for {seconds} s (spout: node, split: {split.Command} {split.Script}, count: C#).");
    for (var s = 1; s <= seconds; s++)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        Console.WriteLine($"[{s,3} s] {counts.Total,10:N0} words counted");
    }

    foreach (var error in cluster.GetErrors("multilang-word-count"))
    {
        Console.Error.WriteLine(error);
    }

    cluster.KillTopology("multilang-word-count");
}

Console.WriteLine("Top words:");
foreach (var (word, count) in counts.Top(10))
{
    Console.WriteLine($"  {word,-10} {count,10:N0}");
}

return 0;
