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

    [Theory]
    [InlineData("int", false)]
    [InlineData("long", false)]
    [InlineData("int", true)]
    public void Fields_grouping_on_a_numeric_key_allocates_only_the_tuple(string keyType, bool acked)
    {
        Value key = keyType == "int" ? 12345 : 1234567890123L;
        var (spout, tasks, inboxes) = Wire(acked, key, fieldsGrouping: true);
        Drive(spout, tasks, inboxes, 64 * Burst);

        const int Tuples = 256 * Burst;
        var before = GC.GetAllocatedBytesForCurrentThread();
        Drive(spout, tasks, inboxes, Tuples);
        var perTuple = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Tuples;

        perTuple.ShouldBeLessThanOrEqualTo(TupleBudgetBytes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fail_and_ResetTimeout_allocate_nothing(bool fail)
    {
        var (spout, tasks, inboxes) = Wire(acked: true, "ABCDEFGHI", fieldsGrouping: false, sinkFails: fail, sinkResets: !fail);
        Drive(spout, tasks, inboxes, 64 * Burst);

        const int Tuples = 256 * Burst;
        var before = GC.GetAllocatedBytesForCurrentThread();
        Drive(spout, tasks, inboxes, Tuples);
        var perTuple = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Tuples;

        perTuple.ShouldBeLessThanOrEqualTo(TupleBudgetBytes);
    }

    private static (SpoutTask Spout, TaskRunner[] Tasks, Inbox[] Inboxes) Wire(bool acked) => Wire(acked, "ABCDEFGHI", fieldsGrouping: false);

    private static (SpoutTask Spout, TaskRunner[] Tasks, Inbox[] Inboxes) Wire(bool acked, Value value, bool fieldsGrouping, bool sinkFails = false, bool sinkResets = false)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new ConstantSpout(acked, value));
        var sink = builder.SetBolt("sink", () => new DropBolt(sinkFails, sinkResets), 2);
        _ = fieldsGrouping ? sink.FieldsGrouping("spout", new Fields("str")) : sink.ShuffleGrouping("spout");
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

    private sealed class ConstantSpout(bool acked, Value value) : BaseRichSpout
    {
        private static readonly object MessageId = "id";
        private SpoutOutputCollector? _collector;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("str"));

        public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector) => _collector = collector;

        public override void NextTuple() => _collector!.Emit(new Values(value), acked ? MessageId : null);
    }

    /// <summary>Acks every tuple, or fails it, or resets its timeout and then acks it.</summary>
    private sealed class DropBolt(bool fails, bool resets) : BaseRichBolt
    {
        private OutputCollector _collector = null!;

        public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
        {
        }

        public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

        public override void Execute(Tuple input)
        {
            if (fails)
            {
                _collector.Fail(input);
                return;
            }

            if (resets)
            {
                _collector.ResetTimeout(input);
            }

            _collector.Ack(input);
        }
    }
}
