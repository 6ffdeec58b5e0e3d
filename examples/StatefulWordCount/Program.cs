using Squall.Runtime;
using Squall.ChildProcesses;
using Squall.Testing.Servers;
using StatefulWordCount;
using WordCount;

// Usage: StatefulWordCount [SECONDS] [--state memory|postgres|redis] [--connection STRING]
// With postgres or redis and no --connection, a throwaway server is started on a free loopback port and removed at the end.
var seconds = 20;
var state = "postgres";
string? connection = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--state" when i + 1 < args.Length:
            state = args[++i];
            break;
        case "--connection" when i + 1 < args.Length:
            connection = args[++i];
            break;
        default:
            if (!int.TryParse(args[i], out seconds) || seconds < 1)
            {
                Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: StatefulWordCount [SECONDS] [--state memory|postgres|redis] [--connection STRING]");
                return 2;
            }

            break;
    }
}

if (state is not ("memory" or "postgres" or "redis"))
{
    Console.Error.WriteLine($"--state must be memory, postgres or redis, not '{state}'.");
    return 2;
}

await using var server = connection is null ? await StartServer(state) : null;
connection ??= server switch
{
    PostgresServer pg => pg.ConnectionString,
    RedisServer redis => redis.ConnectionString,
    _ => null,
};

var conf = new Config
{
    MaxSpoutPending = 2_000,
    [Config.TopologyStateProvider] = state,
    [Config.TopologyStateCheckpointIntervalMs] = 1000,
};
if (connection is not null)
{
    conf[Config.TopologyStateProviderConfig] = state == "postgres"
        ? System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["connectionString"] = connection })
        : System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["configuration"] = connection });
}

var source = new StatefulWordCountTopology();
using var cluster = new LocalCluster();
cluster.SubmitTopology(source.Name, conf, source.Build(conf));
Console.WriteLine($"Counting words with state in {state}{(server is null ? "" : $" (a throwaway server on 127.0.0.1:{server.Port})")}, checkpoint every second, for {seconds} s.");
for (var elapsed = 0; elapsed < seconds; elapsed += 2)
{
    await Task.Delay(TimeSpan.FromSeconds(Math.Min(2, seconds - elapsed)));
    var top = source.Latest.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Take(5);
    Console.WriteLine($"  {elapsed + Math.Min(2, seconds - elapsed),3} s  {string.Join("  ", top.Select(e => $"{e.Key}={e.Value:N0}"))}");
}

var errors = cluster.GetErrors(source.Name);
cluster.KillTopology(source.Name);
if (errors.Count > 0)
{
    Console.Error.WriteLine($"Errors: {string.Join("; ", errors)}");
    return 1;
}

if (state != "memory")
{
    // A new run of the same topology gets the last committed counts back from the store and carries on from there.
    var again = new StatefulWordCountTopology();
    cluster.SubmitTopology(again.Name, conf, again.Build(conf));
    await Task.Delay(TimeSpan.FromSeconds(3));
    var resumed = again.Latest.GetValueOrDefault("the");
    cluster.KillTopology(again.Name);
    Console.WriteLine($"Restarted: 'the' continued from the committed count, now {resumed:N0} (it would restart at 1 with memory state).");
}

Console.WriteLine("Done.");
return 0;

static async Task<ServerProcess?> StartServer(string state) => state switch
{
    "postgres" => await PostgresServer.StartNewAsync(),
    "redis" => await RedisServer.StartNewAsync(),
    _ => null,
};
