using Squall.Drpc.Invocations;
using Squall.Drpc.Server;

namespace Squall.Drpc.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class DrpcRequestTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DrpcTimeouts Timeouts = new(Request: TimeSpan.FromSeconds(60), FunctionIdle: TimeSpan.FromSeconds(10));

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void Call_during_the_startup_grace_waits_even_if_nobody_asked_yet()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        var (id, rejected) = table.Call("f", "a", At(1));
        id.ShouldNotBeNull();
        rejected.ShouldBeNull();
        table.Fetch("f", 10, At(2)).Single().ShouldBe(new DrpcInvocation(id, "a"));
    }

    [Fact]
    public void Call_after_the_grace_to_a_function_nobody_asked_for_is_rejected_at_once()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        var (id, rejected) = table.Call("f", "a", At(10));
        id.ShouldBeNull();
        rejected!.Error.ShouldBe(DrpcErrorKind.NoSuchFunction);
        table.Count.ShouldBe(0);
    }

    [Fact]
    public void Function_is_served_while_a_spout_asked_within_the_idle_period()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        table.Fetch("f", 10, At(15)).ShouldBeEmpty();
        table.Call("f", "a", At(24.9)).Id.ShouldNotBeNull();
        table.Call("f", "a", At(25)).Rejected!.Error.ShouldBe(DrpcErrorKind.NoSuchFunction);
    }

    [Fact]
    public void Waiting_call_made_in_the_grace_fails_on_a_tick_if_still_unserved()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        var id = table.Call("f", "a", At(5)).Id!;
        table.Tick(At(14.9)).ShouldBeEmpty();
        var answers = table.Tick(At(15));
        answers.Single().Id.ShouldBe(id);
        answers.Single().Outcome.Error.ShouldBe(DrpcErrorKind.NoSuchFunction);
        table.Count.ShouldBe(0);
    }

    [Fact]
    public void Fetch_hands_out_the_oldest_first_at_most_max_and_each_once()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        var ids = Enumerable.Range(0, 5).Select(i => table.Call("f", $"a{i}", At(1)).Id!).ToList();
        table.Fetch("f", 3, At(2)).Select(r => r.Id).ShouldBe(ids.Take(3));
        table.Fetch("f", 3, At(2)).Select(r => r.Id).ShouldBe(ids.Skip(3));
        table.Fetch("f", 3, At(2)).ShouldBeEmpty();
        table.Fetch("g", 3, At(2)).ShouldBeEmpty();
    }

    [Fact]
    public void Result_answers_once_then_the_id_is_unknown()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        var id = table.Call("f", "a", At(1)).Id!;
        table.Fetch("f", 1, At(1));
        table.Return(DrpcReturn.Success(id, "r"), At(2))!.Result.ShouldBe("r");
        table.Return(DrpcReturn.Success(id, "again"), At(2)).ShouldBeNull();
        table.Return(DrpcReturn.Failure(id, "late"), At(2)).ShouldBeNull();
        table.Count.ShouldBe(0);
    }

    [Fact]
    public void Failure_answers_with_the_reason()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        var id = table.Call("f", "a", At(1)).Id!;
        table.Fetch("f", 1, At(1));
        var outcome = table.Return(DrpcReturn.Failure(id, "failed by count:4: bad"), At(1.5))!;
        outcome.Error.ShouldBe(DrpcErrorKind.Failed);
        outcome.Message!.ShouldContain("failed by count:4: bad");
    }

    [Fact]
    public void Timeout_answers_waiting_and_fetched_requests_and_skips_them_in_the_queue()
    {
        var table = new DrpcRequestTable(Timeouts with { FunctionIdle = TimeSpan.FromSeconds(1000) }, T0);
        var fetched = table.Call("f", "a", At(1)).Id!;
        table.Fetch("f", 1, At(1));
        var waiting = table.Call("f", "b", At(2)).Id!;
        table.Tick(At(60)).ShouldBeEmpty();
        table.Tick(At(61)).Select(a => a.Id).ShouldBe([fetched]);
        table.Fetch("f", 1, At(61.5));
        table.Tick(At(62)).Select(a => a.Id).ShouldBe([waiting]);
        table.Count.ShouldBe(0);
    }

    [Fact]
    public void Timed_out_waiting_request_is_never_fetched()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        table.Call("f", "a", At(1));
        table.Fetch("f", 0, At(30));
        table.Tick(At(61)).Count.ShouldBe(1);
        table.Fetch("f", 10, At(62)).ShouldBeEmpty();
    }

    [Fact]
    public void Forgotten_request_ignores_its_result()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        var id = table.Call("f", "a", At(1)).Id!;
        table.Forget(id);
        table.Return(DrpcReturn.Success(id, "r"), At(2)).ShouldBeNull();
        table.Fetch("f", 10, At(2)).ShouldBeEmpty();
    }

    [Fact]
    public void Ids_of_a_restarted_server_never_match_the_previous_ones()
    {
        var before = new DrpcRequestTable(Timeouts, T0);
        var after = new DrpcRequestTable(Timeouts, T0);
        var old = before.Call("f", "a", At(1)).Id!;
        after.Call("f", "a", At(1)).Id.ShouldNotBe(old);
        after.Return(DrpcReturn.Success(old, "stale"), At(2)).ShouldBeNull();
    }

    [Fact]
    public void Shutdown_answers_everything_live()
    {
        var table = new DrpcRequestTable(Timeouts, T0);
        table.Call("f", "a", At(1));
        table.Call("g", "b", At(1));
        table.Fetch("f", 1, At(1));
        var answers = table.Shutdown(At(2));
        answers.Count.ShouldBe(2);
        answers.ShouldAllBe(a => a.Outcome.Error == DrpcErrorKind.ServerShutdown);
        table.Count.ShouldBe(0);
    }
}
