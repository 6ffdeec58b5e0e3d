using Squall.Drpc.Invocations;
using Squall.Drpc.Server;

namespace Squall.Drpc.Tests.Unit;

/// <summary>The engine on a manual clock: no wall-clock waits decide anything.</summary>
[Trait("Category", "Unit")]
public sealed class DrpcEngineTests
{
    private static readonly DrpcTimeouts Timeouts = new(Request: TimeSpan.FromSeconds(60), FunctionIdle: TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Execute_completes_with_the_returned_result()
    {
        var clock = new ManualTimeProvider();
        using var engine = new DrpcEngine(Timeouts, clock);
        var call = engine.ExecuteAsync("f", "x");
        var fetched = await engine.FetchAsync("f", 10, TimeSpan.Zero, CancellationToken.None);
        fetched.Single().Args.ShouldBe("x");
        engine.Return([DrpcReturn.Success(fetched[0].Id, "x!")]).ShouldBe(1);
        (await call).ShouldBe("x!");
    }

    [Fact]
    public async Task Request_times_out_when_the_clock_passes_the_timeout()
    {
        var clock = new ManualTimeProvider();
        using var engine = new DrpcEngine(Timeouts, clock);
        var call = engine.ExecuteAsync("f", "x");
        (await engine.FetchAsync("f", 10, TimeSpan.Zero, CancellationToken.None)).Count.ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(59));
        call.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(2));
        var error = await Should.ThrowAsync<DrpcException>(call);
        error.Kind.ShouldBe(DrpcErrorKind.TimedOut);
        error.Message.ShouldContain("drpc.request.timeout.secs");
        engine.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task Unserved_function_fails_at_once_after_the_grace()
    {
        var clock = new ManualTimeProvider();
        using var engine = new DrpcEngine(Timeouts, clock);
        clock.Advance(TimeSpan.FromSeconds(11));
        var error = await Should.ThrowAsync<DrpcException>(engine.ExecuteAsync("nobody", "x"));
        error.Kind.ShouldBe(DrpcErrorKind.NoSuchFunction);
        error.Message.ShouldContain("'nobody'");
    }

    [Fact]
    public async Task Long_poll_wakes_when_a_call_arrives()
    {
        var clock = new ManualTimeProvider();
        using var engine = new DrpcEngine(Timeouts, clock);
        var poll = engine.FetchAsync("f", 10, TimeSpan.FromSeconds(30), CancellationToken.None);
        await Task.Yield();
        poll.IsCompleted.ShouldBeFalse();
        var call = engine.ExecuteAsync("f", "x");
        (await poll.WaitAsync(TimeSpan.FromSeconds(60))).Single().Args.ShouldBe("x");
        call.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Long_poll_returns_empty_when_its_wait_passes()
    {
        var clock = new ManualTimeProvider();
        using var engine = new DrpcEngine(Timeouts, clock);
        var poll = engine.FetchAsync("f", 10, TimeSpan.FromSeconds(1), CancellationToken.None);
        await Wait.UntilAsync(() => { clock.Advance(TimeSpan.FromMilliseconds(100)); return poll.IsCompleted; }, TimeSpan.FromSeconds(60), () => "the poll ends");
        (await poll).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelled_caller_is_forgotten()
    {
        var clock = new ManualTimeProvider();
        using var engine = new DrpcEngine(Timeouts, clock);
        using var cancel = new CancellationTokenSource();
        var call = engine.ExecuteAsync("f", "x", cancel.Token);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(call);
        engine.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task Stop_answers_callers_with_a_shutdown_error_and_refuses_fetches()
    {
        var clock = new ManualTimeProvider();
        var engine = new DrpcEngine(Timeouts, clock);
        var call = engine.ExecuteAsync("f", "x");
        engine.Dispose();
        (await Should.ThrowAsync<DrpcException>(call)).Kind.ShouldBe(DrpcErrorKind.ServerShutdown);
        (await Should.ThrowAsync<DrpcException>(engine.FetchAsync("f", 1, TimeSpan.Zero, CancellationToken.None))).Kind.ShouldBe(DrpcErrorKind.ServerShutdown);
        (await Should.ThrowAsync<DrpcException>(engine.ExecuteAsync("f", "y"))).Kind.ShouldBe(DrpcErrorKind.ServerShutdown);
    }
}
