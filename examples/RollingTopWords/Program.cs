using RollingTopWords;
using Squall.Runtime;

// Usage: RollingTopWords [SECONDS] [--port N]   (defaults: 30 s; a free port). The page at http://127.0.0.1:PORT/ shows the live ranking.
var seconds = 30;
var port = 0;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], out port) && port is > 0 and < 65536)
    {
        i++;
    }
    else if (!int.TryParse(args[i], out seconds) || seconds < 1)
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: RollingTopWords [SECONDS] [--port N]");
        return 2;
    }
}

var source = new RollingTopWordsTopology();
await using var server = new RankingServer(source.Board, port == 0 ? FreePort() : port);
server.Start();
using var cluster = new LocalCluster();
var conf = new Config();
cluster.SubmitTopology(source.Name, conf, source.Build(conf));
Console.WriteLine($"Top words over a {source.WindowLength.Milliseconds / 1000} s window sliding every {source.SlidingInterval.Milliseconds / 1000} s; live page: {server.Address}");
var end = DateTime.UtcNow.AddSeconds(seconds);
while (DateTime.UtcNow < end)
{
    await Task.WhenAny(source.Board.Changed, Task.Delay(end - DateTime.UtcNow));
    var ranking = source.Board.Current;
    if (ranking.Words.Count > 0)
    {
        Console.WriteLine($"  {DateTimeOffset.FromUnixTimeMilliseconds(ranking.WindowEnd):HH:mm:ss}  {string.Join("  ", ranking.Words.Take(5).Select(w => $"{w.Word}={w.Count}"))}");
    }

    await Task.Delay(TimeSpan.FromSeconds(3) < end - DateTime.UtcNow ? TimeSpan.FromSeconds(3) : TimeSpan.Zero);
}

var errors = cluster.GetErrors(source.Name);
cluster.KillTopology(source.Name);
if (errors.Count > 0)
{
    Console.Error.WriteLine($"Errors: {string.Join("; ", errors)}");
    return 1;
}

return 0;

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
