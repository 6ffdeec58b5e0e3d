using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class ConfigTests
{
    [Fact]
    public void Submit_rejects_an_unknown_topology_key_suggesting_the_nearest_storm_key()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        using var cluster = Clusters.Create();

        var error = Should.Throw<InvalidTopologyException>(() =>
            cluster.SubmitTopology("typo", Clusters.Conf(("topology.max.spout.pendng", 5), ("topology.zzz", 1), ("my.own.key", 1)), builder.CreateTopology()));

        error.Problems.ShouldBe([
            "Configuration key 'topology.max.spout.pendng' is not a Storm key; did you mean 'topology.max.spout.pending'?",
            "Configuration key 'topology.zzz' is not a Storm key (a typo?).",
        ]);
        cluster.TopologyNames.ShouldBeEmpty();
    }

    [Fact]
    public void Every_storm_topology_key_is_accepted_and_keys_at_their_defaults_warn_about_nothing()
    {
        var lines = new ConcurrentQueue<string>();
        var conf = new Config();
        foreach (var key in Config.KnownTopologyKeys)
        {
            conf[key] = Config.GetDefault(key);
        }

        conf[Config.TopologyName] = "ignored: the runtime sets it";
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = new ManualTimeProvider(), OnError = null, Log = lines.Enqueue });

        cluster.SubmitTopology("all-keys", conf, OneSpout());

        // Every topology.* key of Storm's Config and defaults.yaml (138), and Squall's own (pool size, fusion, tree recorder).
        Config.KnownTopologyKeys.Count.ShouldBe(142);
        lines.ShouldBeEmpty();
    }

    [Fact]
    public void Keys_accepted_without_effect_produce_one_warning_naming_them_at_submit()
    {
        var lines = new ConcurrentQueue<string>();
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = new ManualTimeProvider(), OnError = null, Log = lines.Enqueue });
        var conf = Clusters.Conf(
            ("topology.worker.childopts", "-Xmx2g"),
            ("topology.component.resources.onheap.memory.mb", 512.0),
            ("topology.stats.sample.rate", 0.05),          // at its default: not worth a warning
            (Config.TopologyMessageTimeoutSecs, 10));

        cluster.SubmitTopology("ported", conf, OneSpout());

        lines.ShouldHaveSingleItem().ShouldBe(
            "WARN topology 'ported': Squall accepts these Storm keys but does not act on them: topology.component.resources.onheap.memory.mb, topology.worker.childopts.");
    }

    [Fact]
    public void The_conf_given_to_open_and_prepare_has_every_default_merged_in()
    {
        var seen = new ConcurrentQueue<Config>();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new ConfRecordingSpout(seen));
        builder.SetBolt("bolt", () => new ConfRecordingBolt(seen)).ShuffleGrouping("spout").AddConfiguration(Config.TopologyTickTupleFreqSecs, 7);
        using var cluster = Clusters.Create();

        cluster.SubmitTopology("defaults", Clusters.Conf((Config.TopologyMaxSpoutPending, 5)), builder.CreateTopology());

        Wait.Until(() => seen.Count == 2, "Open and Prepare called");
        foreach (var conf in seen)
        {
            conf.MessageTimeoutSecs.ShouldBe(30);
            conf.ContainsKey(Config.TopologyMessageTimeoutSecs).ShouldBeTrue();
            conf[Config.TopologyExecutorReceiveBufferSize].ShouldBe(32768);
            conf[Config.TopologyShellBoltMaxPending].ShouldBe(100);
            conf.ContainsKey(Config.TopologyAckerExecutors).ShouldBeTrue();   // null, as in Storm: one per worker
            conf.MaxSpoutPending.ShouldBe(5);
            conf[Config.TopologyName].ShouldBe("defaults");
        }

        seen.Count(c => c.TickTupleFreqSecs == 7).ShouldBe(1);   // the bolt's own setting on top
    }

    [Fact]
    public void Typed_properties_read_the_one_table_of_defaults()
    {
        var conf = new Config();

        conf.MessageTimeoutSecs.ShouldBe((int)Config.GetDefault(Config.TopologyMessageTimeoutSecs)!);
        conf.NumWorkers.ShouldBe(1);
        conf.Debug.ShouldBeFalse();
        conf.EnableMessageTimeouts.ShouldBeTrue();
        conf.MaxSpoutPending.ShouldBeNull();
        Config.Defaults()[Config.TopologyMessageTimeoutSecs].ShouldBe(30);
        Config.Defaults().ContainsKey(Config.TopologyName).ShouldBeFalse();
    }

    private static StormTopology OneSpout()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        return builder.CreateTopology();
    }

    [Theory]
    [InlineData(Config.TopologyBatchFlushIntervalMillis, -1, "0 (flush after every NextTuple call) or more")]
    [InlineData(Config.TopologySpoutRecvqSkips, 0, "at least 1")]
    [InlineData(Config.TopologyWorkerExecutorThreads, 0, "between 1 and 256")]
    public void Submit_rejects_a_bad_executor_setting_naming_the_key(string key, int value, string expected)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        using var cluster = Clusters.Create();

        var error = Should.Throw<InvalidTopologyException>(() => cluster.SubmitTopology("bad", Clusters.Conf((key, value)), builder.CreateTopology()));

        error.Problems.ShouldBe([$"Configuration '{key}' must be {expected}, but is {value}."]);
    }

    [Fact]
    public void The_executor_settings_are_accepted_with_Storms_defaults_and_Squalls_pool_size()
    {
        var options = TopologyOptions.From(new Config());
        options.BatchFlushIntervalMillis.ShouldBe(1);
        options.SpoutRecvqSkips.ShouldBe(3);
        options.WorkerExecutorThreads.ShouldBeNull("one pool thread per core unless set");

        var set = TopologyOptions.From(Clusters.Conf((Config.TopologyWorkerExecutorThreads, 3), (Config.TopologyBatchFlushIntervalMillis, 0)));
        set.WorkerExecutorThreads.ShouldBe(3);
        set.BatchFlushIntervalMillis.ShouldBe(0);
    }

    private sealed class ConfRecordingSpout(ConcurrentQueue<Config> seen) : BaseRichSpout
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

        public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => seen.Enqueue(conf);

        public override void NextTuple()
        {
        }
    }

    private sealed class ConfRecordingBolt(ConcurrentQueue<Config> seen) : BaseRichBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => seen.Enqueue(conf);

        public override void Execute(Tuple input)
        {
        }
    }
}
