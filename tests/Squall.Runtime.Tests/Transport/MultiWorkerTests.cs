using System.Net.Sockets;
using System.Security.Cryptography;
using WordCount;

namespace Squall.Runtime.Tests.Transport;

/// <summary>Topologies spread over several workers connected by real loopback TCP.</summary>
[Trait("Category", "Integration")]
public sealed class MultiWorkerTests
{
    private static readonly string[] Sentences =
    [
        "the cow jumped over the moon",
        "four score and seven years ago",
        "an apple a day keeps the doctor away",
        "ünïcödé wörds and 𝄞 clefs travel too",
    ];

    [Fact]
    public void Word_count_over_three_workers_counts_exactly()
    {
        var input = Enumerable.Range(0, 200).SelectMany(_ => Sentences).ToArray();
        var source = new WordCountTopology(input, cycle: false, reliable: true) { SplitParallelism = 3, CountParallelism = 3 };
        using var cluster = Support.Clusters.Create();
        var conf = new Config { NumWorkers = 3 };
        cluster.SubmitTopology("wc3", conf, source.Build(conf));

        Wait.UntilEqual(() => cluster.GetStats("wc3").Single(s => s.ComponentId == "sentences").Acked, input.Length, "every sentence acked");
        cluster.GetErrors("wc3").ShouldBeEmpty();
        cluster.KillTopology("wc3");

        source.Board.Counts().OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(ExpectedCounts(input).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Garbage_on_a_worker_port_is_refused_and_the_worker_keeps_serving()
    {
        var input = Enumerable.Range(0, 100).SelectMany(_ => Sentences).ToArray();
        var source = new WordCountTopology(input, cycle: false, reliable: true);
        var (workers, _) = await StartWorkersAsync(source, proxied: false);
        try
        {
            using (var stranger = new TcpClient())
            {
                await stranger.ConnectAsync("127.0.0.1", workers[1].Port);
                await stranger.GetStream().WriteAsync(RandomNumberGenerator.GetBytes(4096));
                var buffer = new byte[256];
                while (await stranger.GetStream().ReadAsync(buffer) > 0)
                {
                }
            }

            workers[0].Activate();
            workers[1].Activate();
            Wait.UntilEqual(() => SpoutAcked(workers), input.Length, "every sentence acked after the garbage");
        }
        finally
        {
            await DisposeAllAsync(workers);
        }

        source.Board.Counts().OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(ExpectedCounts(input).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_connection_cut_mid_stream_loses_no_spout_message()
    {
        var log = new SpoutLog();
        var numbers = Support.Clusters.Numbers(20_000);
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(numbers, new Fields("n"), log, replayFailed: true));
        builder.SetBolt("relay", () => new RelayBolt(), 2).ShuffleGrouping("numbers");
        builder.SetBolt("sink", () => new RelayBolt(), 2).ShuffleGrouping("relay");
        var (workers, proxies) = await StartWorkersAsync(builder.CreateTopology(), proxied: true, timeoutSecs: 3);
        try
        {
            workers.ForEach(w => w.Activate());
            Wait.Until(() => log.AckCount > 2_000, "some messages acked before the cut");
            proxies.ForEach(p => p.CutAll());
            Wait.Until(() => log.AckCount >= numbers.Count, "every message acked after the cut");
        }
        finally
        {
            await DisposeAllAsync(workers);
            foreach (var proxy in proxies)
            {
                await proxy.DisposeAsync();
            }
        }

        log.Acks.Count.ShouldBe(numbers.Count);
        log.Acks.Values.ShouldAllBe(n => n == 1);
        log.Replays.ShouldBe(log.Fails.Count);
        proxies.Sum(p => p.Connections).ShouldBeGreaterThan(2, "the links reconnected after the cut");
    }

    private static Dictionary<string, long> ExpectedCounts(IEnumerable<string> input) =>
        input.SelectMany(s => s.Split(' ')).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    private static long SpoutAcked(IEnumerable<Worker> workers) =>
        workers.SelectMany(w => w.GetStats()).Where(s => s.ComponentId == "sentences").Sum(s => s.Acked);

    private static Task<(List<Worker> Workers, List<Support.TcpProxy> Proxies)> StartWorkersAsync(WordCountTopology source, bool proxied) =>
        StartWorkersAsync(source.Build(new Config()), proxied);

    /// <summary>Two workers started inactive; with <paramref name="proxied"/>, each reaches the other through a proxy.</summary>
    private static Task<(List<Worker> Workers, List<Support.TcpProxy> Proxies)> StartWorkersAsync(StormTopology topology, bool proxied, int timeoutSecs = 30)
    {
        var secret = RandomNumberGenerator.GetBytes(16);
        var conf = new Config { NumWorkers = 2, MessageTimeoutSecs = timeoutSecs };
        var workers = Enumerable.Range(0, 2).Select(i => Worker.Create(new WorkerOptions
        {
            TopologyId = "t",
            Conf = conf,
            Topology = topology,
            WorkerIndex = i,
            WorkerCount = 2,
            Secret = secret,
        })).ToList();
        var proxies = proxied ? workers.Select(w => new Support.TcpProxy(w.Port)).ToList() : [];
        for (var i = 0; i < workers.Count; i++)
        {
            var endpoints = workers.Select((w, j) => ("127.0.0.1", proxied && j != i ? proxies[j].Port : w.Port)).ToList();
            workers[i].Start(endpoints, active: false);
        }

        return Task.FromResult((workers, proxies));
    }

    private static async Task DisposeAllAsync(IEnumerable<Worker> workers)
    {
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }
    }

    private sealed class RelayBolt : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

        public override void Execute(Tuple input, BasicOutputCollector collector) => collector.Emit(input.GetValues());
    }
}
