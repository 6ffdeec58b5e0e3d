using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

/// <summary>
/// <see cref="TopologyContext.Mailbox"/>: work posted from other threads runs on the task's executor thread,
/// where the collector may be used, survives a rebalance, and reports what it throws.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MailboxTests
{
    private const int Messages = 2000;

    [Fact]
    public void A_bolt_completing_its_tuples_from_pool_threads_through_the_mailbox_acks_every_one_across_rebalances()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var errors = new ConcurrentQueue<ComponentError>();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(Messages), new Fields("n"), log));
        builder.SetBolt("async", () => new PoolCompletingBolt(), 2).SetNumTasks(3).ShuffleGrouping("spout");
        builder.SetBolt("sink", () => new CaptureBolt(sink)).ShuffleGrouping("async");
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = new ManualTimeProvider(), OnError = errors.Enqueue });
        cluster.SubmitTopology("mailbox", Clusters.Conf((Config.TopologyMaxSpoutPending, 200)), builder.CreateTopology());

        sink.WaitForCount(Messages / 3);
        cluster.Rebalance("mailbox", new Dictionary<string, int> { ["async"] = 3 });
        sink.WaitForCount(2 * Messages / 3);
        cluster.Rebalance("mailbox", new Dictionary<string, int> { ["async"] = 1 });
        Wait.Until(() => log.Acks.Count == Messages, $"every message acked (have {log.Acks.Count}; errors: {string.Join("\n", errors)})");
        cluster.KillTopology("mailbox");

        errors.ShouldBeEmpty();
        log.Fails.ShouldBeEmpty();
        sink.All.Select(r => (int)r.First!).Order().ShouldBe(Enumerable.Range(0, Messages));
    }

    [Fact]
    public void Posted_work_that_throws_is_reported_as_the_components_error_and_the_task_carries_on()
    {
        var log = new SpoutLog();
        var errors = new ConcurrentQueue<ComponentError>();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(10), new Fields("n"), log));
        builder.SetBolt("async", () => new PoolCompletingBolt(throwOn: 3)).ShuffleGrouping("spout");
        using var cluster = new LocalCluster(new LocalClusterOptions { Time = new ManualTimeProvider(), OnError = errors.Enqueue });
        cluster.SubmitTopology("mailbox-error", new Config(), builder.CreateTopology());

        Wait.Until(() => log.Acks.Count == 9 && !errors.IsEmpty, "nine acks and the error");
        cluster.KillTopology("mailbox-error");

        var error = errors.Single();
        (error.ComponentId, error.Error.Message).ShouldBe(("async", "posted work failed on 3"));
    }

    /// <summary>Completes each tuple on a thread-pool thread, handing the emit and ack back through the mailbox.</summary>
    private sealed class PoolCompletingBolt(int throwOn = -1) : BaseRichBolt
    {
        private TopologyContext _context = null!;
        private OutputCollector _collector = null!;

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
        {
            _context = context;
            _collector = collector;
        }

        public override void Execute(Tuple input) => ThreadPool.QueueUserWorkItem(_ =>
        {
            var n = input.GetInteger(0);
            _context.Mailbox.Post(() =>
            {
                if (n == throwOn)
                {
                    throw new InvalidOperationException($"posted work failed on {n}");
                }

                _collector.Emit(input, new Values(n));
                _collector.Ack(input);
            });
        });

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));
    }
}
