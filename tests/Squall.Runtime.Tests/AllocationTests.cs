using Squall.Runtime.Execution;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Tests;

/// <summary>
/// Bytes allocated per tuple on the emit → route → queue → execute (→ ack) path, counted on one thread by
/// driving a worker's tasks directly (no executor threads), so the count is exact and never timing-based.
/// The budget is the tuple's own objects: the Value[] built by <c>new Values(..)</c> (40 B) and the Tuple (72 B).
/// </summary>
[Trait("Category", "Unit")]
public class AllocationTests
{
    private const long TupleBudgetBytes = 112;
    private const int Burst = 64;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Emit_path_allocates_only_the_tuple(bool acked)
    {
        var (spout, tasks, inboxes) = Wire(acked);
        Drive(spout, tasks, inboxes, 64 * Burst); // warm up: batch pools, dictionaries, JIT

        const int Tuples = 256 * Burst;
        var before = GC.GetAllocatedBytesForCurrentThread();
        Drive(spout, tasks, inboxes, Tuples);
        var perTuple = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Tuples;

        perTuple.ShouldBeLessThanOrEqualTo(TupleBudgetBytes);
    }

    private static (SpoutTask Spout, TaskRunner[] Tasks, Inbox[] Inboxes) Wire(bool acked)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new ConstantSpout(acked));
        builder.SetBolt("sink", () => new DropBolt()).ShuffleGrouping("spout");
        var conf = new Config { NumAckers = acked ? 1 : 0 };
        var options = TopologyOptions.From(conf);
        var layout = new TaskLayout(builder.CreateTopology(), options.Ackers);
        var worker = new WorkerContext("alloc", conf, options, layout, TimeProvider.System, e => throw e.Error);
        var ids = Enumerable.Range(1, layout.MaxTaskId).ToArray();
        var tasks = ids.Select(id => Execution.TaskFactory.Create(worker, id, ids)).ToArray();
        Inbox[] inboxes = [.. tasks.Select(_ => new Inbox(256))];
        worker.Sinks = inboxes;
        foreach (var (task, index) in tasks.Select((t, i) => (t, i)))
        {
            worker.ExecutorOfTask[task.TaskId] = index;
            task.Outbox = new Outbox(worker.Sinks, Burst);
            task.ExecutorThreadId = Environment.CurrentManagedThreadId;
            task.Start();
            task.OnControl(new ControlMessage(ControlKind.Activate));
        }

        return (tasks.OfType<SpoutTask>().Single(), tasks, inboxes);
    }

    private static void Drive(SpoutTask spout, TaskRunner[] tasks, Inbox[] inboxes, int tuples)
    {
        for (var sent = 0; sent < tuples; sent += Burst)
        {
            for (var i = 0; i < Burst; i++)
            {
                spout.NextTuple();
            }

            var moved = true;
            while (moved)
            {
                moved = false;
                Array.ForEach(tasks, t => t.Outbox.Flush());
                for (var i = 0; i < inboxes.Length; i++)
                {
                    while (inboxes[i].TryTake(out var batch))
                    {
                        moved = true;
                        for (var j = 0; j < batch.Count; j++)
                        {
                            tasks[i].Handle(ref batch.Items[j]);
                        }

                        batch.Recycle();
                    }
                }
            }
        }
    }

    private sealed class ConstantSpout(bool acked) : BaseRichSpout
    {
        private static readonly object MessageId = "id";
        private SpoutOutputCollector? _collector;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("str"));

        public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

        public override void NextTuple() => _collector!.Emit(new Values("ABCDEFGHI"), acked ? MessageId : null);
    }

    private sealed class DropBolt : BaseBasicBolt
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Execute(Tuple input, BasicOutputCollector collector)
        {
        }
    }
}
