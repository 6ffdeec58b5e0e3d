using System.Diagnostics;
using Squall.Runtime;
using WordCount;

// Usage: WordCount [seconds] [corpus-file]   (seconds: default 10; 0 runs until Ctrl+C)
var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
var corpusPath = args.Length > 1 ? args[1] : null;
var source = new WordCountTopology(Corpus.Load(corpusPath), cycle: true, reliable: false);
var conf = new Config();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
if (seconds > 0)
{
    stop.CancelAfter(TimeSpan.FromSeconds(seconds));
}

using var cluster = new LocalCluster();
cluster.SubmitTopology(source.Name, conf, source.Build(conf));
Console.WriteLine($"word-count running in local mode ({(corpusPath ?? "built-in sentences")}); {(seconds > 0 ? $"{seconds} s" : "Ctrl+C to stop")}.");

var clock = Stopwatch.StartNew();
long lastWords = 0;
var lastTime = TimeSpan.Zero;
while (!stop.IsCancellationRequested)
{
    try
    {
        await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
    }
    catch (OperationCanceledException)
    {
        break;
    }

    var words = cluster.GetStats(source.Name).Single(s => s.ComponentId == "count").Executed;
    var now = clock.Elapsed;
    var rate = (words - lastWords) / (now - lastTime).TotalSeconds;
    (lastWords, lastTime) = (words, now);
    var top = string.Join(" ", source.Board.Top(10).Select(p => $"{p.Key}={p.Value:N0}"));
    Console.WriteLine($"[{now.TotalSeconds,5:F0} s] {rate,14:N0} words/s   total {words,14:N0}   top: {top}");
}

foreach (var error in cluster.GetErrors(source.Name))
{
    Console.Error.WriteLine(error);
}

cluster.KillTopology(source.Name);
Console.WriteLine();
Console.WriteLine($"Counted {lastWords:N0} words in {clock.Elapsed.TotalSeconds:F1} s ({lastWords / clock.Elapsed.TotalSeconds:N0} words/s). Top 10 words:");
foreach (var (word, count) in source.Board.Top(10))
{
    Console.WriteLine($"  {word,-20} {count,14:N0}");
}
