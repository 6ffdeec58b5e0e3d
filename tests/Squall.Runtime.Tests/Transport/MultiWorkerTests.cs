using System.Net.Sockets;
using System.Security.Cryptography;
using Squall.Wire.Transport;
using WordCount;

namespace Squall.Runtime.Tests.Transport;

/// <summary>Topologies spread over several workers connected by real loopback TCP.</summary>
[Trait("Category", "Integration")]
public sealed class MultiWorkerTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(16);

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

    [Fact]
    public async Task A_moved_worker_is_reached_at_its_new_address_and_its_old_epoch_is_refused()
    {
        var log = new SpoutLog();
        var numbers = Support.Clusters.Numbers(5_000);
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(numbers, new Fields("n"), log, replayFailed: true));
        builder.SetBolt("relay", () => new RelayBolt(), 2).ShuffleGrouping("numbers");
        builder.SetBolt("sink", () => new RelayBolt(), 2).ShuffleGrouping("relay");
        var (workers, _) = await StartWorkersAsync(builder.CreateTopology(), proxied: false, timeoutSecs: 3);
        try
        {
            workers.ForEach(w => w.Activate());
            Wait.Until(() => log.AckCount > 500, "some messages acked before the move");

            // The worker without the spout "moves" (its supervisor was lost): a new process, a new port, a new epoch.
            var moved = workers.FindIndex(w => w.GetExecutors().All(e => e.ComponentId != "numbers"));
            var survivor = workers[1 - moved];
            await workers[moved].DisposeAsync();
            workers[moved] = CreateWorker(builder.CreateTopology(), moved, epoch: 2, timeoutSecs: 3);
            var endpoints = workers.Select(w => ("127.0.0.1", w.Port)).ToList();
            long[] epochs = [1, 1];
            epochs[moved] = 2;
            workers[moved].Start(endpoints, active: true, epochs);
            survivor.UpdatePeers(endpoints, epochs);

            Wait.Until(() => log.AckCount >= numbers.Count, "every message acked after the move");
            var stale = new PeerConnection(new PeerConnectionOptions { Host = "127.0.0.1", Port = survivor.Port, TopologyId = "t", Secret = Secret, Epoch = 1, PeerName = $"worker-{moved}" });
            await using (stale)
            {
                var refused = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
                stale.Disconnected += (_, e) => refused.TrySetResult(e);
                stale.Start();
                (await refused.Task.WaitAsync(TimeSpan.FromSeconds(60))).Message.ShouldContain("expects epoch 2");
            }
        }
        finally
        {
            await DisposeAllAsync(workers);
        }

        log.Acks.Count.ShouldBe(numbers.Count);
        log.Acks.Values.ShouldAllBe(n => n == 1);
    }

    private static Dictionary<string, long> ExpectedCounts(IEnumerable<string> input) =>
        input.SelectMany(s => s.Split(' ')).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    private static long SpoutAcked(IEnumerable<Worker> workers) =>
        workers.SelectMany(w => w.GetStats()).Where(s => s.ComponentId == "sentences").Sum(s => s.Acked);

    private static Task<(List<Worker> Workers, List<Support.TcpProxy> Proxies)> StartWorkersAsync(WordCountTopology source, bool proxied) =>
        StartWorkersAsync(source.Build(new Config()), proxied);

    /// <summary>Two workers (epoch 1) started inactive; with <paramref name="proxied"/>, each reaches the other through a proxy.</summary>
    private static Task<(List<Worker> Workers, List<Support.TcpProxy> Proxies)> StartWorkersAsync(StormTopology topology, bool proxied, int timeoutSecs = 30)
    {
        var workers = Enumerable.Range(0, 2).Select(i => CreateWorker(topology, i, epoch: 1, timeoutSecs)).ToList();
        var proxies = proxied ? workers.Select(w => new Support.TcpProxy(w.Port)).ToList() : [];
        for (var i = 0; i < workers.Count; i++)
        {
            var endpoints = workers.Select((w, j) => ("127.0.0.1", proxied && j != i ? proxies[j].Port : w.Port)).ToList();
            workers[i].Start(endpoints, active: false);
        }

        return Task.FromResult((workers, proxies));
    }

    private static Worker CreateWorker(StormTopology topology, int index, long epoch, int timeoutSecs) => Worker.Create(new WorkerOptions
    {
        TopologyId = "t",
        Conf = new Config { NumWorkers = 2, MessageTimeoutSecs = timeoutSecs },
        Topology = topology,
        WorkerIndex = index,
        WorkerCount = 2,
        Secret = Secret,
        Epoch = epoch,
    });

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
