using Reach;
using Squall.Runtime;

// Usage: Reach [url ...]   (default: every built-in URL and one unknown)
// Runs the topology in local mode with a LocalDrpc and computes the reach of each URL.
string[] urls = args.Length > 0 ? args : [.. SocialGraph.Sharers.Keys, "nobody.example/never-shared"];
using var drpc = new LocalDrpc();
using var cluster = new LocalCluster();
cluster.SubmitTopology("reach-drpc", new Config(), ReachTopology.Construct().CreateLocalTopology(drpc));
foreach (var url in urls)
{
    Console.WriteLine($"reach({url}) = {await drpc.ExecuteAsync(ReachTopology.Function, url)} (expected {SocialGraph.ReachOf(url)})");
}
