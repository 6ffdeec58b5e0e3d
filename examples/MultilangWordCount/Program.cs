using System.Globalization;
using MultilangWordCount;
using Squall.Runtime;

// Usage: MultilangWordCount [seconds]   (default 10). Needs node and python3 on PATH.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var counts = new WordCounts();
var conf = new Config { MaxSpoutPending = 200 };

using (var cluster = new LocalCluster())
{
    cluster.SubmitTopology("multilang-word-count", conf, MultilangWordCountTopology.Build(counts));
    Console.WriteLine($"multilang word count running in local mode for {seconds} s (spout: node, split: python3, count: C#).");
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
