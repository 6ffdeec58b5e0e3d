using Squall.Runtime.Execution;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Tests;

/// <summary>
/// <see cref="ExecutorMailbox"/> and <see cref="TaskMailbox"/> on one thread, every ordering spelled out:
/// wake-ups are coalesced, nothing posted is left asleep, work follows a task to a new executor, a busy task
/// yields after a turn, and what work throws becomes the component's error.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ExecutorMailboxUnitTests
{
    private readonly List<ComponentError> _errors = [];
    private readonly Inbox _inbox = new(4);
    private readonly ExecutorMailbox _executor;
    private readonly TaskMailbox _task;

    public ExecutorMailboxUnitTests()
    {
        _executor = new ExecutorMailbox(_inbox);
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        var conf = new Config();
        var options = TopologyOptions.From(conf);
        var layout = new TaskLayout(builder.CreateTopology(), options.Ackers);
        var worker = new WorkerContext("mailbox", conf, options, layout, TimeProvider.System, _errors.Add);
        _task = Execution.TaskFactory.Create(worker, 1, [1]).Mailbox;
    }

    [Fact]
    public void Posts_are_coalesced_into_one_wake_up_per_drain_and_run_in_order()
    {
        var ran = new List<int>();
        _task.Bind(_executor);
        for (var i = 0; i < 3; i++)
        {
            var n = i;
            _task.Post(() => ran.Add(n));
        }

        WakeUps().ShouldBe(1);
        _executor.Drain().ShouldBeTrue();
        ran.ShouldBe([0, 1, 2]);
        _executor.Drain().ShouldBeFalse();

        // After a drain, the next post sends a new wake-up.
        _task.Post(() => ran.Add(3));
        WakeUps().ShouldBe(1);
        _executor.Drain();
        ran.ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public void Work_posted_before_the_task_has_an_executor_runs_once_it_is_bound()
    {
        var ran = false;
        _task.Post(() => ran = true);
        _task.Bind(_executor);
        _executor.Drain();
        ran.ShouldBeTrue();
    }

    [Fact]
    public void Work_left_behind_by_a_stopped_executor_runs_on_the_next_one()
    {
        var ran = 0;
        _task.Bind(_executor);
        _executor.Drain();
        _task.Post(() => ran++);

        // The old executor stops without draining (a rebalance); the task moves to a new one.
        var next = new ExecutorMailbox(new Inbox(4));
        _task.Bind(next);
        next.Drain();
        ran.ShouldBe(1);
        _task.Post(() => ran++);
        next.Drain();
        ran.ShouldBe(2);
    }

    [Fact]
    public void A_busy_task_yields_after_a_turn_of_256_and_the_rest_runs_on_the_next_drain()
    {
        var ran = 0;
        _task.Bind(_executor);
        _executor.Drain();
        for (var i = 0; i < 300; i++)
        {
            _task.Post(() => ran++);
        }

        _executor.Drain();
        ran.ShouldBe(256);
        _executor.Drain();
        ran.ShouldBe(300);

        // Work posted by work joins the running turn while the turn has room.
        _task.Post(() => _task.Post(() => ran++));
        _executor.Drain();
        ran.ShouldBe(301);
    }

    [Fact]
    public void What_posted_work_throws_is_reported_as_the_components_error_and_later_work_still_runs()
    {
        var ran = false;
        _task.Bind(_executor);
        _task.Post(() => throw new InvalidOperationException("posted work failed"));
        _task.Post(() => ran = true);
        _executor.Drain();
        ran.ShouldBeTrue();
        (_errors.Single().ComponentId, _errors.Single().Error.Message).ShouldBe(("spout", "posted work failed"));
    }

    private int WakeUps()
    {
        var count = 0;
        while (_inbox.TryTakeControl(out var message))
        {
            message.Kind.ShouldBe(ControlKind.Mailbox);
            count++;
        }

        return count;
    }
}
