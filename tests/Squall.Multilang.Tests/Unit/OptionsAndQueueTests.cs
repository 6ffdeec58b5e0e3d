using Squall.Multilang.Bolt;
using Squall.Multilang.Protocol;

namespace Squall.Multilang.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class OptionsAndQueueTests
{
    [Fact]
    public void Timeout_falls_back_to_the_supervisor_timeout_then_thirty_seconds()
    {
        ShellOptions.From(new Config { [Config.TopologySubprocessTimeoutSecs] = 4 }, "/tmp").Timeout.ShouldBe(TimeSpan.FromSeconds(4));
        ShellOptions.From(new Config { [MultilangConfig.SupervisorWorkerTimeoutSecs] = "7" }, "/tmp").Timeout.ShouldBe(TimeSpan.FromSeconds(7));
        var defaults = ShellOptions.From(new Config(), "/tmp");
        (defaults.Timeout, defaults.MaxPending).ShouldBe((TimeSpan.FromSeconds(30), 100));
    }

    [Fact]
    public void Resources_come_from_the_component_then_the_config_then_beside_the_app()
    {
        ShellOptions.From(new Config { [MultilangConfig.ResourcesDir] = "/srv/res" }, "/opt/mine").ResourcesDirectory.ShouldBe("/opt/mine");
        ShellOptions.From(new Config { [MultilangConfig.ResourcesDir] = "/srv/res" }, null).ResourcesDirectory.ShouldBe("/srv/res");
        ShellOptions.From(new Config(), null).ResourcesDirectory.ShouldBe(Path.Combine(AppContext.BaseDirectory, "resources"));
    }

    [Fact]
    public void Heartbeats_then_task_id_replies_overtake_queued_tuples()
    {
        var queue = new OutboundQueue(capacity: 10);
        var tuple = new TupleMessage("1", "c", "default", 1, []);
        var reply = new TaskIdsMessage([1]);
        queue.TryEnqueueTuple(tuple, TimeSpan.Zero).ShouldBe(EnqueueResult.Queued);
        queue.EnqueueReply(reply);
        queue.RequestHeartbeat();
        queue.Take(TimeSpan.Zero).Kind.ShouldBe(QueueItem.Heartbeat);
        queue.Take(TimeSpan.Zero).Message.ShouldBe(reply);
        queue.Take(TimeSpan.Zero).Message.ShouldBe(tuple);
        queue.Take(TimeSpan.Zero).Kind.ShouldBe(QueueItem.Idle);
    }

    [Fact]
    public async Task A_full_tuple_queue_holds_the_caller_until_closed_nudged_or_freed()
    {
        var queue = new OutboundQueue(capacity: 1);
        queue.TryEnqueueTuple(new TupleMessage("1", "c", "default", 1, []), TimeSpan.Zero).ShouldBe(EnqueueResult.Queued);
        queue.TryEnqueueTuple(new TupleMessage("2", "c", "default", 1, []), TimeSpan.Zero).ShouldBe(EnqueueResult.Full);

        // A nudge (the child sent something to apply) ends the wait early, however long it was meant to be.
        var nudged = Task.Run(() => queue.TryEnqueueTuple(new TupleMessage("2", "c", "default", 1, []), Timeout.InfiniteTimeSpan));
        while (!nudged.IsCompleted)
        {
            queue.Nudge();
            await Task.Yield();
        }

        (await nudged).ShouldBe(EnqueueResult.Full);
        queue.Take(TimeSpan.Zero).Kind.ShouldBe(QueueItem.Message);
        queue.TryEnqueueTuple(new TupleMessage("3", "c", "default", 1, []), TimeSpan.Zero).ShouldBe(EnqueueResult.Queued);

        var closed = Task.Run(() => queue.TryEnqueueTuple(new TupleMessage("4", "c", "default", 1, []), Timeout.InfiniteTimeSpan));
        queue.Close();
        (await closed.WaitAsync(TimeSpan.FromSeconds(60))).ShouldBe(EnqueueResult.Closed);
        queue.Take(TimeSpan.Zero).Kind.ShouldBe(QueueItem.Closed);
    }
}
