using Squall.Drpc.Server;

namespace Squall.Drpc.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class DrpcRequestLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DrpcTimeouts Timeouts = new(Request: TimeSpan.FromSeconds(60), FunctionIdle: TimeSpan.FromSeconds(10));

    private static DrpcRequestState Called() => DrpcRequestState.Called("r-1", "exclamation", "hello", T0);

    private static DrpcRequestTransition Step(DrpcRequestState state, DrpcRequestInput input, double atSeconds = 1) =>
        DrpcRequestLifecycle.Step(state, input, T0.AddSeconds(atSeconds), Timeouts);

    [Fact]
    public void Waiting_fetched_becomes_Fetched_without_a_reply()
    {
        var t = Step(Called(), new DrpcRequestInput.Fetched());
        t.State.Kind.ShouldBe(DrpcRequestKind.Fetched);
        t.Reply.ShouldBeNull();
    }

    [Fact]
    public void Fetched_result_answers_the_caller_with_it()
    {
        var fetched = Step(Called(), new DrpcRequestInput.Fetched()).State;
        var t = Step(fetched, new DrpcRequestInput.Result("hello!"));
        t.State.Kind.ShouldBe(DrpcRequestKind.Done);
        t.Reply!.Result.ShouldBe("hello!");
    }

    [Fact]
    public void Fetched_failure_answers_at_once_with_the_reason()
    {
        var fetched = Step(Called(), new DrpcRequestInput.Fetched()).State;
        var t = Step(fetched, new DrpcRequestInput.Failure("failed by bolt0:3: boom"), atSeconds: 2);
        t.State.Kind.ShouldBe(DrpcRequestKind.Done);
        t.Reply!.Error.ShouldBe(DrpcErrorKind.Failed);
        t.Reply.Message.ShouldBe("DRPC request for 'exclamation' failed: failed by bolt0:3: boom");
    }

    [Fact]
    public void Tick_before_the_timeout_changes_nothing()
    {
        var fetched = Step(Called(), new DrpcRequestInput.Fetched()).State;
        var t = Step(fetched, new DrpcRequestInput.Tick(FunctionServed: true), atSeconds: 59.9);
        t.State.ShouldBe(fetched);
        t.Reply.ShouldBeNull();
    }

    [Fact]
    public void Fetched_tick_at_the_timeout_times_out_saying_the_topology_had_it()
    {
        var fetched = Step(Called(), new DrpcRequestInput.Fetched()).State;
        var t = Step(fetched, new DrpcRequestInput.Tick(FunctionServed: true), atSeconds: 60);
        t.Reply!.Error.ShouldBe(DrpcErrorKind.TimedOut);
        t.Reply.Message.ShouldBe("DRPC request for 'exclamation' timed out after 60 s (drpc.request.timeout.secs) while the topology computed it");
    }

    [Fact]
    public void Waiting_tick_at_the_timeout_times_out_saying_no_spout_fetched_it()
    {
        var t = Step(Called(), new DrpcRequestInput.Tick(FunctionServed: true), atSeconds: 61);
        t.Reply!.Error.ShouldBe(DrpcErrorKind.TimedOut);
        t.Reply.Message!.ShouldEndWith("while waiting for a DRPC spout to fetch it");
    }

    [Fact]
    public void Waiting_for_an_unserved_function_fails_after_the_idle_period()
    {
        Step(Called(), new DrpcRequestInput.Tick(FunctionServed: false), atSeconds: 9.9).Reply.ShouldBeNull();
        var t = Step(Called(), new DrpcRequestInput.Tick(FunctionServed: false), atSeconds: 10);
        t.Reply!.Error.ShouldBe(DrpcErrorKind.NoSuchFunction);
        t.Reply.Message!.ShouldContain("no topology serves DRPC function 'exclamation'");
    }

    [Fact]
    public void Fetched_is_never_unserved_a_topology_has_it()
    {
        var fetched = Step(Called(), new DrpcRequestInput.Fetched()).State;
        Step(fetched, new DrpcRequestInput.Tick(FunctionServed: false), atSeconds: 30).Reply.ShouldBeNull();
    }

    [Fact]
    public void Done_ignores_late_results_failures_and_ticks()
    {
        var done = Step(Step(Called(), new DrpcRequestInput.Fetched()).State, new DrpcRequestInput.Result("a")).State;
        DrpcRequestInput[] inputs = [new DrpcRequestInput.Result("b"), new DrpcRequestInput.Failure("x"), new DrpcRequestInput.Tick(false), new DrpcRequestInput.Shutdown(), new DrpcRequestInput.Fetched()];
        foreach (var input in inputs)
        {
            var t = Step(done, input, atSeconds: 100);
            t.State.ShouldBe(done);
            t.Reply.ShouldBeNull();
        }
    }

    [Fact]
    public void Result_while_still_waiting_is_accepted()
    {
        // A spout may fetch, and a result arrive, between two steps of a busy server: the result wins.
        Step(Called(), new DrpcRequestInput.Result("early")).Reply!.Result.ShouldBe("early");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shutdown_answers_every_live_request(bool fetched)
    {
        var state = fetched ? Step(Called(), new DrpcRequestInput.Fetched()).State : Called();
        var t = Step(state, new DrpcRequestInput.Shutdown());
        t.Reply!.Error.ShouldBe(DrpcErrorKind.ServerShutdown);
        t.State.Kind.ShouldBe(DrpcRequestKind.Done);
    }
}
