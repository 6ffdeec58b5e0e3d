using Squall.Cluster.Logging;

namespace Squall.Cluster.Tests.Integration;

/// <summary>
/// Log lines carry their scope: a worker's its topology and port, a task's error also its component and task,
/// a supervisor's slot event its slot and topology.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LogScopeTests
{
    [Fact]
    public void A_supervisor_slot_event_is_logged_with_its_slot_and_topology()
    {
        var output = new StringWriter();
        var log = new DaemonLog("supervisor", output);
        using (SupervisorLog.BeginSlotScope(log.Logger, 6701, "words-7"))
        {
            SupervisorLog.SlotChanged(log.Logger, 6701, Supervisor.SlotKind.Empty, Supervisor.SlotKind.WaitingForPackage, 3);
        }

        Text(output).ShouldContain(" INFO  [supervisor] {slot=6701 topology=words-7} slot 6701: Empty -> WaitingForPackage (epoch 3)");
    }

    [Fact]
    public async Task A_task_error_on_an_executor_thread_is_logged_with_topology_component_and_task()
    {
        var output = new StringWriter();
        var log = new DaemonLog("worker:6700", output);
        var feeder = new FeederSpout(new Fields("word"));
        var builder = new TopologyBuilder();
        builder.SetSpout("feed", () => feeder);
        builder.SetBolt("explode", () => new Explode()).ShuffleGrouping("feed");

        // As WorkerHost runs a worker: inside the worker scope, errors to WorkerLog.ComponentError.
        using (WorkerLog.BeginWorkerScope(log.Logger, "words-7", 6700))
        {
            await using var worker = Runtime.Worker.Create(new Runtime.WorkerOptions
            {
                TopologyId = "words-7",
                Conf = new Config(),
                Topology = builder.CreateTopology(),
                WorkerIndex = 0,
                WorkerCount = 1,
                Secret = new byte[32],
                OnError = e => WorkerLog.ComponentError(log.Logger, e),
            });
            worker.Start([("127.0.0.1", 0)], active: true);
            WorkerLog.Running(log.Logger, 1, 1, "words-7", 3, 6700, "active");
            feeder.Feed(new Values("a"), "m1");
            Wait.Until(() => Text(output).Contains("task error", StringComparison.Ordinal), "the bolt's error is logged");
        }

        var lines = Text(output).Split(Environment.NewLine);
        lines.ShouldContain(l => l.Contains(" INFO  [worker:6700] {topology=words-7 port=6700} worker 1/1 of words-7 epoch 3 running on port 6700 (active)", StringComparison.Ordinal));
        var error = lines.Single(l => l.Contains("task error", StringComparison.Ordinal));
        error.ShouldMatch(@" ERROR \[worker:6700\] \{topology=words-7 port=6700 component=explode task=\d+\} task error: System.InvalidOperationException: boom on a");
    }

    private static string Text(StringWriter output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private sealed class Explode : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Execute(Tuple input, BasicOutputCollector collector) => throw new InvalidOperationException($"boom on {input.GetString(0)}");
    }
}
