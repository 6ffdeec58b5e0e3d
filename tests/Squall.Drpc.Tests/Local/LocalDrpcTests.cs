using System.Globalization;

namespace Squall.Drpc.Tests.Local;

[Trait("Category", "Integration")]
public sealed class LocalDrpcTests(LocalDrpcFixture fixture) : IClassFixture<LocalDrpcFixture>
{
    private LocalDrpc Drpc => fixture.Drpc;

    [Fact]
    public async Task Exclamation_returns_the_argument_followed_by_an_exclamation_mark()
    {
        (await Drpc.ExecuteAsync("exclamation", "hello")).ShouldBe("hello!");
        Drpc.Execute("exclamation", "a b/c?").ShouldBe("a b/c?!");
    }

    [Fact]
    public async Task Reach_is_the_number_of_distinct_followers_of_the_sharers()
    {
        foreach (var url in Reach.SocialGraph.Sharers.Keys.Append("unknown.example/x"))
        {
            (await Drpc.ExecuteAsync("reach", url)).ShouldBe(Reach.SocialGraph.ReachOf(url).ToString(CultureInfo.InvariantCulture), url);
        }
    }

    [Fact]
    public async Task FinishBatch_sees_every_tuple_of_the_request_from_every_upstream_task()
    {
        foreach (var n in new[] { 0, 1, 7, 100, 1000 })
        {
            (await Drpc.ExecuteAsync("count", n.ToString(CultureInfo.InvariantCulture))).ShouldBe(n.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Thousand_concurrent_requests_from_32_clients_are_all_answered_correctly()
    {
        var clients = Enumerable.Range(0, 32).Select(c => Task.Run(async () =>
        {
            var wrong = new List<string>();
            for (var i = c; i < 1000; i += 32)
            {
                var (function, arg, expected) = (i % 3) switch
                {
                    0 => ("exclamation", $"call-{i}", $"call-{i}!"),
                    1 => ("count", (i % 50).ToString(CultureInfo.InvariantCulture), (i % 50).ToString(CultureInfo.InvariantCulture)),
                    _ => ("reach", "squall.dev/blog/drpc", Reach.SocialGraph.ReachOf("squall.dev/blog/drpc").ToString(CultureInfo.InvariantCulture)),
                };
                var result = await Drpc.ExecuteAsync(function, arg);
                if (result != expected)
                {
                    wrong.Add($"{function}({arg}) = {result}, expected {expected}");
                }
            }

            return wrong;
        })).ToList();
        var answers = await Task.WhenAll(clients).WaitAsync(TimeSpan.FromMinutes(5));
        answers.SelectMany(w => w).ShouldBeEmpty();
        Drpc.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task Failing_bolt_fails_the_call_with_its_reason_not_a_timeout()
    {
        var error = await Should.ThrowAsync<DrpcException>(Drpc.ExecuteAsync("exclamation", string.Empty));
        error.Kind.ShouldBe(DrpcErrorKind.Failed);
        error.Message.ShouldContain("failed by bolt0:");
        error.Message.ShouldContain("nothing to exclaim: the argument is empty");
    }

    [Fact]
    public async Task Last_bolt_that_emits_nothing_fails_the_call_with_that_reason()
    {
        var error = await Should.ThrowAsync<DrpcException>(Drpc.ExecuteAsync("silent", "x"));
        error.Kind.ShouldBe(DrpcErrorKind.Failed);
        error.Message.ShouldContain("bolt 'bolt1' (the last bolt) emitted no result");
    }

    [Fact]
    public async Task FinishBatch_that_throws_fails_the_call_with_the_exception()
    {
        var error = await Should.ThrowAsync<DrpcException>(Drpc.ExecuteAsync("throwing", "x"));
        error.Kind.ShouldBe(DrpcErrorKind.Failed);
        error.Message.ShouldContain("InvalidOperationException: cannot finish this batch");
    }

    [Fact]
    public async Task Calls_after_a_failure_still_succeed()
    {
        await Should.ThrowAsync<DrpcException>(Drpc.ExecuteAsync("exclamation", string.Empty));
        (await Drpc.ExecuteAsync("exclamation", "again")).ShouldBe("again!");
    }
}
