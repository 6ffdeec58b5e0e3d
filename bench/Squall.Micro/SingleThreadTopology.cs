using Squall.Runtime;
using Squall.Runtime.Execution;
using Squall.Runtime.Messaging;

namespace Squall.Micro;

/// <summary>
/// A topology's tasks wired exactly as a worker wires them (TaskFactory, one inbox and outbox per task),
/// but driven by one thread: call the spout, then pump every inbox until quiet. Deterministic, so it suits
/// benchmarks of the per-tuple path and allocation tests.
/// </summary>
internal sealed class SingleThreadTopology
{
    private const int BatchSize = 64;
    private readonly TaskRunner[] _tasks;
    private readonly Inbox[] _inboxes;
    private readonly SpoutTask _spout;
    private readonly TaskRunner _sink;

    private SingleThreadTopology(StormTopology topology, Config conf, string sinkComponent)
    {
        var options = TopologyOptions.From(conf);
        var layout = new TaskLayout(topology, options.Ackers);
        var worker = new WorkerContext("micro", conf, options, layout, TimeProvider.System, e => throw e.Error);
        var taskIds = Enumerable.Range(1, layout.MaxTaskId).ToArray();
        _tasks = [.. taskIds.Select(t => Runtime.Execution.TaskFactory.Create(worker, t, taskIds))];
        _inboxes = [.. _tasks.Select(_ => new Inbox(1024))];
        worker.Sinks = _inboxes;
        for (var i = 0; i < _tasks.Length; i++)
        {
            worker.ExecutorOfTask[_tasks[i].TaskId] = i;
            _tasks[i].Outbox = new Outbox(_inboxes, BatchSize);
            _tasks[i].ExecutorThreadId = Environment.CurrentManagedThreadId;
            _tasks[i].Start();
            _tasks[i].OnControl(new ControlMessage(ControlKind.Activate));
        }

        _spout = _tasks.OfType<SpoutTask>().Single();
        _sink = _tasks.Single(t => t.ComponentId == sinkComponent);
    }

    /// <summary>const spout → null bolt (shuffle); with acking, one acker and message ids.</summary>
    public static SingleThreadTopology ConstToNull(bool acked)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new MicroConstSpout(acked));
        builder.SetBolt("null", () => new MicroNullBolt()).ShuffleGrouping("spout");
        return new SingleThreadTopology(builder.CreateTopology(), new Config { NumAckers = acked ? 1 : 0 }, "null");
    }

    /// <summary>Emits <paramref name="tuples"/> tuples in spout bursts of one batch, delivering as it goes; returns the sink's executed count.</summary>
    public long Run(int tuples)
    {
        for (var sent = 0; sent < tuples; sent += BatchSize)
        {
            for (var i = 0; i < BatchSize; i++)
            {
                _spout.NextTuple();
            }

            Pump();
        }

        return _sink.Metrics.TotalExecuted;
    }

    private void Pump()
    {
        bool moved;
        do
        {
            moved = false;
            foreach (var task in _tasks)
            {
                task.Outbox.Flush();
            }

            for (var i = 0; i < _inboxes.Length; i++)
            {
                while (_inboxes[i].TryTake(out var batch))
                {
                    moved = true;
                    for (var j = 0; j < batch.Count; j++)
                    {
                        ref var envelope = ref batch.Items[j];
                        _tasks[i].Handle(ref envelope);
                    }

                    batch.Recycle();
                }
            }
        }
        while (moved);
    }
}
