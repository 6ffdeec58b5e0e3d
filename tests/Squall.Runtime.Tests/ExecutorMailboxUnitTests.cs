using Squall.Runtime.Execution;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Tests;

/// <summary>
/// <see cref="ExecutorMailbox"/> and <see cref="TaskMailbox"/> on one thread, every ordering spelled out:
/// posts are coalesced into one turn per task, nothing posted is left behind, work follows a task to a new
/// executor, a busy task yields after a turn, and what work throws becomes the component's error.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ExecutorMailboxUnitTests
{
    private readonly List<ComponentError> _errors = [];
    private readonly Inbox _inbox = new(4);
    private readonly ExecutorMailbox _executor;
    private readonly TaskMailbox _task;
    private readonly TaskRunner _runner;

    public ExecutorMailboxUnitTests()
    {
        _executor = new ExecutorMailbox(_inbox);
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout([], new Fields("n"), new SpoutLog()));
        var conf = new Config();
        var options = TopologyOptions.From(conf);
        var layout = new TaskLayout(builder.CreateTopology(), options.Ackers);
        var worker = new WorkerContext("mailbox", conf, options, layout, TimeProvider.System, _errors.Add);
        _runner = Execution.TaskFactory.Create(worker, 1, [1]);
        _task = _runner.Mailbox;
    }

    [Fact]
    public void Posts_run_in_order_in_one_turn_and_a_post_after_a_drain_schedules_a_new_one()
    {
        var ran = new List<int>();
        _task.Bind(_executor);
        for (var i = 0; i < 3; i++)
        {
            var n = i;
            _task.Post(() => ran.Add(n));
        }

        _executor.Drain(_runner).ShouldBeTrue();
        ran.ShouldBe([0, 1, 2]);
        _executor.Drain(_runner).ShouldBeFalse();

        // After a drain, the next post schedules a new turn.
        _executor.IsEmpty.ShouldBeTrue();
        _task.Post(() => ran.Add(3));
        _executor.IsEmpty.ShouldBeFalse();
        _executor.Drain(_runner);
        ran.ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public void Work_posted_before_the_task_has_an_executor_runs_once_it_is_bound()
    {
        var ran = false;
        _task.Post(() => ran = true);
        _task.Bind(_executor);
        _executor.Drain(_runner);
        ran.ShouldBeTrue();
    }

    [Fact]
    public void Work_left_behind_by_a_stopped_executor_runs_on_the_next_one()
    {
        var ran = 0;
        _task.Bind(_executor);
        _executor.Drain(_runner);
        _task.Post(() => ran++);

        // The old executor stops without draining (a rebalance); the task moves to a new one.
        var next = new ExecutorMailbox(new Inbox(4));
        _task.Bind(next);
        next.Drain(_runner);
        ran.ShouldBe(1);
        _task.Post(() => ran++);
        next.Drain(_runner);
        ran.ShouldBe(2);
    }

    [Fact]
    public void A_busy_task_yields_after_a_turn_of_256_and_the_rest_runs_on_the_next_drain()
    {
        var ran = 0;
        _task.Bind(_executor);
        _executor.Drain(_runner);
        for (var i = 0; i < 300; i++)
        {
            _task.Post(() => ran++);
        }

        _executor.Drain(_runner);
        ran.ShouldBe(256);
        _executor.Drain(_runner);
        ran.ShouldBe(300);

        // Work posted by work joins the running turn while the turn has room.
        _task.Post(() => _task.Post(() => ran++));
        _executor.Drain(_runner);
        ran.ShouldBe(301);
    }

    [Fact]
    public void What_posted_work_throws_is_reported_as_the_components_error_and_later_work_still_runs()
    {
        var ran = false;
        _task.Bind(_executor);
        _task.Post(() => throw new InvalidOperationException("posted work failed"));
        _task.Post(() => ran = true);
        _executor.Drain(_runner);
        ran.ShouldBeTrue();
        (_errors.Single().ComponentId, _errors.Single().Error.Message).ShouldBe(("spout", "posted work failed"));
    }
}
