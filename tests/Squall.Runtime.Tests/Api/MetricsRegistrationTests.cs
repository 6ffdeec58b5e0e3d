using System.Diagnostics.Metrics;
using Squall.Metrics;
using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Api;

/// <summary>Metrics registered from components: bucketed to the consumers on the manual clock, and published through System.Diagnostics.Metrics.</summary>
[Trait("Category", "Integration")]
public sealed class MetricsRegistrationTests
{
    [Fact]
    public void Registered_metrics_reach_the_consumers_every_bucket_and_the_logging_consumer_logs_them()
    {
        var id = Guid.NewGuid().ToString("N");
        var lines = new ConcurrentQueue<string>();
        var feeder = new FeederSpout(new Fields("n"));
        var builder = new TopologyBuilder();
        builder.SetSpout("feed", () => feeder);
        builder.SetBolt("metered", () => new MeteredBolt()).ShuffleGrouping("feed");
        var conf = new Config { ["test.consumer.id"] = id }
            .RegisterMetricsConsumer(typeof(RecordingConsumer), argument: "arg")
            .RegisterMetricsConsumer(typeof(LoggingMetricsConsumer));
        var time = new ManualTimeProvider();
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = time, OnError = null, Log = lines.Enqueue });
        using var topology = cluster.SubmitTopology("metrics", conf, builder.CreateTopology());
        Wait.Until(() => MeteredBolt.Prepared.Contains(id), "the bolt registered its metrics");

        for (var i = 0; i < 5; i++)
        {
            feeder.Feed(new Values(i), i);
        }

        Wait.UntilEqual(() => feeder.Acked.Count, 5, "every number acked");
        time.Advance(TimeSpan.FromSeconds(10));
        Wait.Until(() => RecordingConsumer.Points(id).Any(p => p.Name == "processed"), "the 10 s bucket reported");
        time.Advance(TimeSpan.FromSeconds(50));
        Wait.Until(
            () => RecordingConsumer.Points(id) is var all && all.Any(p => p.Name == "latency") && all.Count(p => p.Name == "processed") == 6,
            "the 60 s bucket and six 10 s buckets reported");

        var points = RecordingConsumer.Points(id);
        RecordingConsumer.Argument(id).ShouldBe("arg");
        points.Where(p => p.Name == "processed").Select(p => p.Value).ShouldBe([5L, 0L, 0L, 0L, 0L, 0L]);   // reset every 10 s bucket
        points.Single(p => p.Name == "total").Value.ShouldBe(5L);
        points.Single(p => p.Name == "last").Value.ShouldBe(4);
        var latency = (IReadOnlyDictionary<string, object?>)points.Single(p => p.Name == "latency").Value!;
        (latency["count"], latency["min"], latency["max"], latency["mean"]).ShouldBe((5L, 0L, 4L, 2.0));
        var rate = (IDictionary<string, object?>)points.Single(p => p.Name == "rate").Value!;
        rate["count"].ShouldBe(5L);
        Wait.Until(() => lines.Any(l => l.StartsWith("METRICS ", StringComparison.Ordinal) && l.Contains("total = 5", StringComparison.Ordinal)), "the logging consumer's line");
    }

    [Fact]
    public void Registered_counters_are_published_through_system_diagnostics_metrics()
    {
        var measured = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Squall.User")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured[instrument.Name] = value);
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured[instrument.Name] = value);
        listener.Start();
        var feeder = new FeederSpout(new Fields("n"));
        var builder = new TopologyBuilder();
        builder.SetSpout("feed", () => feeder);
        builder.SetBolt("metered", () => new MeteredBolt()).ShuffleGrouping("feed");
        using var cluster = Clusters.Create();
        using var topology = cluster.SubmitTopology("sdm", new Config(), builder.CreateTopology());
        feeder.Feed(new Values(3), 1);
        feeder.Feed(new Values(4), 2);

        Wait.UntilEqual(() => feeder.Acked.Count, 2, "both acked");
        listener.RecordObservableInstruments();

        measured["squall.user.total"].ShouldBe(2);
        measured["squall.user.latency"].ShouldBe(4);   // histogram: the last recorded value
    }

    private sealed class MeteredBolt : BaseRichBolt
    {
        public static readonly ConcurrentBag<string> Prepared = [];
        private OutputCollector? _collector;
        private CountMetric? _processed;
        private Counter? _total;
        private Histogram? _latency;
        private Squall.Metrics.Meter? _rate;
        private int _last;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
        {
            _collector = collector;
            _processed = context.RegisterMetric("processed", new CountMetric(), 10);
            _total = context.RegisterCounter("total");
            _latency = context.RegisterHistogram("latency");
            _rate = context.RegisterMeter("rate");
            context.RegisterGauge("last", () => _last);
            Prepared.Add(conf.GetString("test.consumer.id") ?? "none");
        }

        public override void Execute(Tuple input)
        {
            _processed!.Incr();
            _total!.Inc();
            _rate!.Mark();
            _last = input.GetInteger(0);
            _latency!.Update(_last);
            _collector!.Ack(input);
        }
    }
}
