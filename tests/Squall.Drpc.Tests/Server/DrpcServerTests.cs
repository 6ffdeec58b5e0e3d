using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Squall.Drpc.Server;

namespace Squall.Drpc.Tests.Server;

[Trait("Category", "Integration")]
public sealed class DrpcServerTests(DrpcServerFixture fixture) : IClassFixture<DrpcServerFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Get_and_post_answer_the_result_as_text()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.First.HttpPort}/"), Timeout = Generous };
        (await http.GetStringAsync(new Uri("drpc/exclamation/hello", UriKind.Relative))).ShouldBe("hello!");
        (await http.GetStringAsync(new Uri("drpc/exclamation/hello%20world", UriKind.Relative))).ShouldBe("hello world!");
        using var body = new StringContent("posted", Encoding.UTF8, "text/plain");
        using var posted = await http.PostAsync(new Uri("drpc/exclamation", UriKind.Relative), body);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        posted.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await posted.Content.ReadAsStringAsync()).ShouldBe("posted!");
    }

    [Fact]
    public async Task Each_of_two_servers_answers_its_own_callers()
    {
        using var first = new DrpcClient("127.0.0.1", fixture.First.HttpPort);
        using var second = new DrpcClient("127.0.0.1", fixture.Second.HttpPort);
        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            var client = i % 2 == 0 ? first : second;
            return (i, await client.ExecuteAsync("exclamation", i.ToString(CultureInfo.InvariantCulture)));
        });
        foreach (var (i, result) in await Task.WhenAll(calls).WaitAsync(Generous))
        {
            result.ShouldBe(i.ToString(CultureInfo.InvariantCulture) + "!");
        }
    }

    [Fact]
    public async Task Failing_bolt_reaches_the_http_caller_as_failed_with_the_reason()
    {
        using var client = new DrpcClient("127.0.0.1", fixture.Second.HttpPort);
        var error = await Should.ThrowAsync<DrpcException>(client.ExecuteAsync("exclamation", string.Empty));
        error.Kind.ShouldBe(DrpcErrorKind.Failed);
        error.Message.ShouldContain("failed by bolt0:");
        error.Message.ShouldContain("nothing to exclaim");
    }

    [Theory]
    [InlineData("GET", "drpc/bad%20name/x", 400, "bad-request", "is not a DRPC function name")]
    [InlineData("GET", "nothing/here", 404, "not-found", "call POST /drpc/{function}")]
    [InlineData("PUT", "drpc/exclamation", 405, "method-not-allowed", "PUT /drpc/exclamation answers 405")]
    [InlineData("DELETE", "drpc/exclamation/x", 405, "method-not-allowed", "answers 405")]
    public async Task Bad_client_requests_get_a_status_and_a_json_error(string method, string path, int status, string code, string message)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.First.HttpPort}/"), Timeout = Generous };
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));
        await ShouldBeError(response, status, code, message);
    }

    [Fact]
    public async Task Argument_that_is_not_utf8_is_refused()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.First.HttpPort}/"), Timeout = Generous };
        using var body = new ByteArrayContent([0xff, 0xfe, 0x41]);
        using var response = await http.PostAsync(new Uri("drpc/exclamation", UriKind.Relative), body);
        await ShouldBeError(response, 400, "bad-request", "must be UTF-8 text");
    }

    [Fact]
    public async Task Argument_too_large_is_refused()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.First.HttpPort}/"), Timeout = Generous };
        // Expect: 100-continue, so the server's refusal arrives before the client sends the body (no broken pipe).
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("drpc/exclamation", UriKind.Relative)) { Content = new ByteArrayContent(new byte[DrpcServer.MaxArgumentBytes + 1]) };
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);
        await ShouldBeError(response, 413, "too-large", "larger than");
    }

    [Fact]
    public async Task Invocations_port_refuses_a_missing_or_wrong_token()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.First.InvocationsPort}/"), Timeout = Generous };
        using (var none = await http.GetAsync(new Uri("invocations/exclamation", UriKind.Relative)))
        {
            await ShouldBeError(none, 401, "unauthorized", "Authorization: Bearer");
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var wrong = await http.PostAsync(new Uri("invocations/results", UriKind.Relative), new StringContent("[]"));
        await ShouldBeError(wrong, 401, "unauthorized", "drpc.invocations.token");
    }

    [Theory]
    [InlineData("not json", "must be a JSON array")]
    [InlineData("[{\"result\": \"x\"}]", "every entry needs an id")]
    public async Task Invocations_port_refuses_malformed_results(string body, string message)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.First.InvocationsPort}/"), Timeout = Generous };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DrpcServerFixture.Token);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("invocations/results", UriKind.Relative), content);
        await ShouldBeError(response, 400, "bad-request", message);
    }

    [Fact]
    public async Task Function_nobody_serves_is_a_404_at_once_after_the_idle_period()
    {
        var clock = new ManualTimeProvider();
        await using var server = await DrpcServer.StartAsync(DrpcServerFixture.Options with { Time = clock });
        clock.Advance(TimeSpan.FromSeconds(11));
        using var client = new DrpcClient("127.0.0.1", server.HttpPort);
        var error = await Should.ThrowAsync<DrpcException>(client.ExecuteAsync("nobody", "x"));
        error.Kind.ShouldBe(DrpcErrorKind.NoSuchFunction);
        error.Message.ShouldContain("no topology serves DRPC function 'nobody'");
    }

    [Fact]
    public async Task Stopping_the_server_fails_calls_in_flight_with_a_shutdown_error()
    {
        // A manual clock that never moves: the call waits (startup grace) until the server stops.
        var server = await DrpcServer.StartAsync(DrpcServerFixture.Options with { Time = new ManualTimeProvider() });
        using var client = new DrpcClient("127.0.0.1", server.HttpPort);
        var call = client.ExecuteAsync("waits", "x");
        await Wait.UntilAsync(() => server.Engine.Pending == 1, Generous, () => "the call reached the server");
        await server.DisposeAsync();
        var error = await Should.ThrowAsync<DrpcException>(call.WaitAsync(Generous));
        error.Kind.ShouldBe(DrpcErrorKind.ServerShutdown);
    }

    [Fact]
    public async Task Server_without_a_token_refuses_to_start_naming_the_key()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(DrpcServer.StartAsync(DrpcServerFixture.Options with { InvocationsToken = null }));
        error.Message.ShouldContain("drpc.invocations.token is not set");
    }

    [Fact]
    public async Task Restarted_server_on_the_same_ports_is_served_again()
    {
        var server = await DrpcServer.StartAsync(DrpcServerFixture.Options);
        var (httpPort, invocationsPort) = (server.HttpPort, server.InvocationsPort);
        using var cluster = new Squall.Runtime.LocalCluster();
        var conf = new Config { [DrpcKeys.Servers] = $"127.0.0.1:{invocationsPort}", [DrpcKeys.InvocationsToken] = DrpcServerFixture.Token };
        cluster.SubmitTopology("exclamation", conf, ExclamationDrpc.ExclamationDrpcTopology.Construct().CreateRemoteTopology());
        using var client = new DrpcClient("127.0.0.1", httpPort);
        (await client.ExecuteAsync("exclamation", "before")).ShouldBe("before!");
        await server.DisposeAsync();
        (await Should.ThrowAsync<DrpcException>(client.ExecuteAsync("exclamation", "while down"))).Kind.ShouldBe(DrpcErrorKind.Unavailable);

        await using var restarted = await DrpcServer.StartAsync(DrpcServerFixture.Options with { HttpPort = httpPort, InvocationsPort = invocationsPort });
        (await client.ExecuteAsync("exclamation", "after").WaitAsync(Generous)).ShouldBe("after!");
    }

    private static async Task ShouldBeError(HttpResponseMessage response, int status, string code, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("error").GetString().ShouldBe(code, body);
        json.RootElement.GetProperty("errorMessage").GetString()!.ShouldContain(message, Case.Sensitive, body);
    }
}
