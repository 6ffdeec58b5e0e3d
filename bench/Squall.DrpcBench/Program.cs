using System.Diagnostics;
using System.Globalization;
using Squall;
using Squall.Drpc;
using Squall.Drpc.Server;
using Squall.DrpcBench;
using Squall.Runtime;

// Usage: Squall.DrpcBench [http|local] [clients=32] [seconds=10] [runs=3]
//   http:  a DRPC server in this process (Kestrel on loopback), clients over HTTP (DrpcClient), the echo
//          topology in a LocalCluster pulling over the invocations port: every hop a real socket.
//   local: LocalDrpc, no sockets: the cost of the DRPC topology itself (spout, coordination, join, return).
var mode = args.Length > 0 ? args[0] : "http";
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
if (mode is not ("http" or "local"))
{
    Console.Error.WriteLine("usage: Squall.DrpcBench [http|local] [clients] [seconds] [runs]");
    return 2;
}

var builder = new LinearDrpcTopologyBuilder("echo");
builder.AddBolt(() => new EchoBolt(), 2);
var conf = new Config { MessageTimeoutSecs = 60 };
var cluster = new LocalCluster();
using var local = new LocalDrpc();
DrpcServer? server = null;
Func<string, Task<string>> call;
var callers = new List<IDisposable>();
if (mode == "http")
{
    server = await DrpcServer.StartAsync(new DrpcOptions { HttpPort = 0, InvocationsPort = 0, InvocationsToken = "bench" });
    conf[DrpcKeys.Servers] = $"127.0.0.1:{server.InvocationsPort}";
    conf[DrpcKeys.InvocationsToken] = "bench";
    cluster.SubmitTopology("echo", conf, builder.CreateRemoteTopology());
    var client = new DrpcClient("127.0.0.1", server.HttpPort);
    callers.Add(client);
    call = arg => client.ExecuteAsync("echo", arg);
}
else
{
    cluster.SubmitTopology("echo", conf, builder.CreateLocalTopology(local));
    call = arg => local.ExecuteAsync("echo", arg);
}

Console.WriteLine($"DRPC echo, {mode}, {clients} concurrent clients (each calls, waits, calls again), {runs} runs of {seconds} s after a 2 s warm-up; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
await RunAsync(TimeSpan.FromSeconds(2), report: false);
for (var r = 0; r < runs; r++)
{
    await RunAsync(TimeSpan.FromSeconds(seconds), report: true);
}

Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
callers.ForEach(c => c.Dispose());
cluster.Dispose(); // topology first, so its spouts do not see the server go away
if (server is not null)
{
    await server.DisposeAsync();
}

return 0;

async Task RunAsync(TimeSpan duration, bool report)
{
    var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var errors = 0;
    var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
    {
        var latencies = new List<double>(100_000);
        var n = 0;
        while (Stopwatch.GetTimestamp() < stop)
        {
            var arg = string.Create(CultureInfo.InvariantCulture, $"{c}-{n++}");
            var start = Stopwatch.GetTimestamp();
            try
            {
                var result = await call(arg);
                if (result != arg)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (DrpcException)
            {
                Interlocked.Increment(ref errors);
            }

            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return latencies;
    })).ToList();
    var began = Stopwatch.GetTimestamp();
    var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToArray();
    var elapsed = Stopwatch.GetElapsedTime(began).TotalSeconds;
    if (report)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {mode} | {clients} | {all.Length / elapsed,10:N0} | {Percentile(all, 0.50),6:F2} | {Percentile(all, 0.99),6:F2} | {Percentile(all, 0.999),6:F2} | {errors} |"));
    }
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
