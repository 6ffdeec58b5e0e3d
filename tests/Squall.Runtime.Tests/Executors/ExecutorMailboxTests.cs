using Squall.Runtime.Execution;
using Squall.Runtime.Messaging;
using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Executors;

/// <summary>
/// The executor's mailbox: another thread posts an action, the executor runs it between batches, on its own
/// turn, where the task's collector may be used (which it may not from the posting thread).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExecutorMailboxTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_posted_action_runs_inside_the_executor_where_the_collector_is_usable(bool pooled)
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        builder.SetBolt("bolt", () => new CaptureBolt(new CaptureSink())).ShuffleGrouping("spout");
        var conf = new Config { NumAckers = 0 };
        var options = TopologyOptions.From(conf);
        var layout = new TaskLayout(builder.CreateTopology(), options.Ackers);
        var worker = new WorkerContext("mailbox", conf, options, layout, new ManualTimeProvider(), e => throw e.Error);
        var boltTask = layout.ComponentTasks["bolt"].Single();
        var task = Squall.Runtime.Execution.TaskFactory.Create(worker, boltTask, [boltTask]);
        var inbox = new Inbox(16);
        worker.Sinks = [inbox];
        using var pool = new ExecutorPool("mailbox", 1, 2);
        var executor = new Executor("bolt", [task], inbox, new Outbox(worker.Sinks, 16), inCycle: false, pooled ? pool : null);
        executor.Start();

        Should.Throw<InvalidOperationException>(task.CheckCollectorThread, "the posting thread may not use the collector");
        using var ran = new ManualResetEventSlim(false);
        Exception? failure = null;
        executor.Mailbox.Post(() =>
        {
            try
            {
                task.CheckCollectorThread();
            }
            catch (InvalidOperationException e)
            {
                failure = e;
            }

            ran.Set();
        });

        ran.Wait(Wait.DefaultTimeout).ShouldBeTrue("the action ran");
        failure.ShouldBeNull();
        executor.RequestStop();
        executor.Join(Wait.DefaultTimeout).ShouldBeTrue();
    }
}
