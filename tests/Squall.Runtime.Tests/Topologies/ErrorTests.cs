using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Topologies;

[Trait("Category", "Integration")]
public sealed class ErrorTests
{
    [Fact]
    public void Exceptions_in_Execute_and_NextTuple_are_reported_with_component_and_stack_and_the_topology_keeps_running()
    {
        var sink = new CaptureSink();
        var healthy = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new ThrowingSpout(100));
        builder.SetBolt("thrower", () => new ThrowingBolt(7, sink), 2).ShuffleGrouping("spout");
        builder.SetBolt("healthy", () => new CaptureBolt(healthy)).ShuffleGrouping("spout");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("errors", new Config(), builder.CreateTopology());

        sink.WaitForCount(99);
        healthy.WaitForCount(100);
        Wait.Until(() => cluster.GetErrors("errors").Count >= 2, "two errors reported");

        var errors = cluster.GetErrors("errors").ToDictionary(e => e.ComponentId);
        errors.Count.ShouldBe(2);
        errors["spout"].Error.Message.ShouldBe("spout hiccup");
        errors["spout"].TaskId.ShouldBe(2, "task ids follow component ids in order: healthy 1, spout 2, thrower 3-4");
        errors["spout"].Error.StackTrace.ShouldNotBeNull().ShouldContain(nameof(ThrowingSpout.NextTuple));
        errors["thrower"].Error.Message.ShouldBe("bad number 7");
        errors["thrower"].TaskId.ShouldBeOneOf(3, 4);
        errors["thrower"].Error.StackTrace.ShouldNotBeNull().ShouldContain("Explode");
        sink.All.Select(r => (int)r.First!).Order().ShouldBe(Enumerable.Range(0, 100).Where(n => n != 7));
        cluster.KillTopology("errors");
    }

    [Fact]
    public void Emitting_from_a_thread_of_the_bolts_own_fails_with_a_clear_error()
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(1), new Fields("n"), new SpoutLog(), withMessageIds: false));
        builder.SetBolt("async", () => new BackgroundEmitBolt(errors)).ShuffleGrouping("spout");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("threads", new Config(), builder.CreateTopology());

        Wait.Until(() => !errors.IsEmpty, "the background emit to fail");
        errors.TryPeek(out var error).ShouldBeTrue();
        error.ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("Component 'async' (task 1) used its collector from another thread");
        cluster.KillTopology("threads");
    }

    private sealed class BackgroundEmitBolt(System.Collections.Concurrent.ConcurrentQueue<Exception> errors) : BaseRichBolt
    {
        private OutputCollector? _collector;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("n"));

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

        public override void Execute(Tuple input)
        {
            var thread = new Thread(() =>
            {
                try
                {
                    _collector!.Emit(input.GetValues());
                }
                catch (InvalidOperationException e)
                {
                    errors.Enqueue(e);
                }
            });
            thread.Start();
            thread.Join();
        }
    }
}
