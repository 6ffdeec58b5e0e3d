using System.Net;
using System.Text.Json;

namespace Squall.Drpc.Tests.Cluster;

/// <summary>DRPC on a real cluster: a `squall drpc` process, workers as processes, HTTP clients.</summary>
[Trait("Category", "Cluster")]
[Collection("drpc-cluster")]
public sealed class DrpcClusterTests(DrpcClusterFixture fixture)
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Curl_style_get_answers_hello_bang()
    {
        using var http = new HttpClient { Timeout = Generous };
        (await http.GetStringAsync(new Uri($"http://localhost:{fixture.HttpPort}/drpc/exclamation/hello"))).ShouldBe("hello!");
    }

    [Fact]
    public async Task Thousand_concurrent_requests_from_32_clients_are_all_answered_correctly()
    {
        var clients = Enumerable.Range(0, 32).Select(c => Task.Run(async () =>
        {
            using var client = fixture.Client();
            var wrong = new List<string>();
            for (var i = c; i < 1000; i += 32)
            {
                var result = await client.ExecuteAsync("exclamation", "call-" + DrpcClusterFixture.Text(i));
                if (result != $"call-{i}!")
                {
                    wrong.Add($"call-{i} = {result}");
                }
            }

            return wrong.Count == 0 ? 1 : throw new InvalidOperationException(string.Join("; ", wrong));
        })).ToList();
        (await Task.WhenAll(clients).WaitAsync(Generous)).Sum().ShouldBe(32);
    }

    [Fact]
    public async Task Failing_bolt_fails_the_call_with_the_bolts_reason()
    {
        using var client = fixture.Client();
        var error = await Should.ThrowAsync<DrpcException>(client.ExecuteAsync("exclamation", string.Empty));
        // Failed (not TimedOut): the spout's Fail told the server, which answered at once with the reason.
        error.Kind.ShouldBe(DrpcErrorKind.Failed);
        error.Message.ShouldContain("failed by bolt0:");
        error.Message.ShouldContain("nothing to exclaim: the argument is empty");
    }

    [Theory]
    [InlineData("GET", "drpc/not%20a%20name/x", HttpStatusCode.BadRequest, "bad-request")]
    [InlineData("GET", "api/v1/anything", HttpStatusCode.NotFound, "not-found")]
    [InlineData("PATCH", "drpc/exclamation", HttpStatusCode.MethodNotAllowed, "method-not-allowed")]
    public async Task Bad_requests_get_a_clear_json_error(string method, string path, HttpStatusCode status, string code)
    {
        using var http = new HttpClient { Timeout = Generous };
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri($"http://127.0.0.1:{fixture.HttpPort}/{path}")));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("error").GetString().ShouldBe(code);
        json.RootElement.GetProperty("errorMessage").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Drpc_server_restart_fails_calls_in_flight_cleanly_and_serves_later_ones()
    {
        using var client = fixture.Client();

        // Calls to a function nobody serves wait (the server's idle period has not passed): they are in flight.
        var inFlight = Enumerable.Range(0, 8).Select(i => client.ExecuteAsync("waits-for-ever", DrpcClusterFixture.Text(i))).ToList();
        var firstServer = fixture.Drpc;
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        inFlight.ShouldAllBe(c => !c.IsCompleted);

        await firstServer.KillAsync();
        foreach (var call in inFlight)
        {
            var error = await Should.ThrowAsync<DrpcException>(call.WaitAsync(Generous));
            error.Kind.ShouldBe(DrpcErrorKind.Unavailable, error.Message);
        }

        (await Should.ThrowAsync<DrpcException>(client.ExecuteAsync("exclamation", "down"))).Kind.ShouldBe(DrpcErrorKind.Unavailable);

        await fixture.StartDrpcAsync();
        // The spouts reconnect by themselves (backoff); the first call waits for them.
        (await client.ExecuteAsync("exclamation", "back").WaitAsync(Generous)).ShouldBe("back!");
        var later = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.ExecuteAsync("exclamation", DrpcClusterFixture.Text(i)))).WaitAsync(Generous);
        later.ShouldBe(Enumerable.Range(0, 50).Select(i => DrpcClusterFixture.Text(i) + "!"));
    }
}
