using System.Net;
using System.Text;
using System.Text.Json;

namespace Squall.Cluster.Tests.Integration;

/// <summary>Every bad request to Nimbus gets a 4xx with the documented <c>{"error", "errorMessage"}</c> body, never an empty 500.</summary>
[Trait("Category", "Integration")]
public sealed class ApiErrorTests : IAsyncLifetime
{
    private InProcessNimbus _nimbus = null!;

    public async Task InitializeAsync() => _nimbus = await InProcessNimbus.StartAsync(o => o with { PackageLimits = new Packaging.PackageLimits { MaxPackageBytes = 64 * 1024 } });

    public async Task DisposeAsync() => await _nimbus.DisposeAsync();

    public static TheoryData<string, string, string?, int, string> BadRequests => new()
    {
        // method, path, JSON body, status, error
        { "POST", "api/v1/topology", null, 400, "missing name" },
        { "POST", "api/v1/topology?name=bad/name", null, 400, "invalid name" },
        { "POST", "api/v1/topology/nothing/rebalance/0", "{not json", 400, "invalid rebalance" },
        { "POST", "api/v1/topology/nothing/rebalance/0", "{}", 400, "invalid rebalance" },
        { "POST", "api/v1/topology/nothing/rebalance/0", "{\"rebalanceOptions\": null}", 400, "invalid rebalance" },
        { "POST", "api/v1/topology/nothing/rebalance/0", "", 400, "invalid rebalance" },
        { "POST", "api/v1/topology/nothing/rebalance/0", "{\"rebalanceOptions\": {\"numWorkers\": \"three\"}}", 400, "invalid rebalance" },
        { "POST", "api/v1/supervisor/heartbeat", "[1, 2]", 400, "invalid heartbeat" },
        { "POST", "api/v1/supervisor/heartbeat", "{}", 400, "invalid heartbeat" },
        { "POST", "api/v1/supervisor/heartbeat", "{\"supervisorId\": null, \"host\": \"h\", \"ports\": [], \"workers\": []}", 400, "invalid heartbeat" },
        { "POST", "api/v1/supervisor/heartbeat", "{\"supervisorId\": \"\", \"host\": \"h\", \"ports\": [], \"workers\": []}", 400, "invalid heartbeat" },
        { "POST", "api/v1/topology/nothing/kill/soon", null, 404, "not found" },
        { "GET", "api/v1/no-such-call", null, 404, "not found" },
        { "GET", "api/v1/topology/nothing", null, 404, "unknown topology" },
        { "DELETE", "api/v1/topology/summary", null, 405, "method not allowed" },
        { "POST", "api/v1/topology/nothing/kill/0", null, 404, "unknown topology" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_gets_the_error_json(string method, string path, string? body, int status, string error)
    {
        var token = path.Contains("heartbeat", StringComparison.Ordinal) ? InProcessNimbus.SupervisorToken : InProcessNimbus.Token;
        using var request = InProcessNimbus.Request(new HttpMethod(method), path, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"), token);

        using var response = await _nimbus.Http.SendAsync(request);

        await ShouldBeError(response, status, error);
    }

    [Fact]
    public async Task A_package_over_the_limit_is_refused_by_its_declared_length()
    {
        using var request = InProcessNimbus.Request(HttpMethod.Post, "api/v1/topology?name=big", new ByteArrayContent(new byte[200 * 1024]));

        using var response = await _nimbus.Http.SendAsync(request);

        await ShouldBeError(response, 413, "package too large");
    }

    [Fact]
    public async Task A_package_over_the_limit_is_refused_while_it_streams_in_without_a_length()
    {
        // Raw HTTP: chunked (no length to check up front), twice the limit sent, the body never finished.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_nimbus.Http.BaseAddress!.Host, _nimbus.Http.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/topology?name=big HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {InProcessNimbus.Token}\r\nTransfer-Encoding: chunked\r\n\r\n"));
        var chunk = new byte[16 * 1024];
        for (var i = 0; i < 8; i++)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            await stream.WriteAsync(chunk);
            await stream.WriteAsync("\r\n"u8.ToArray());
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var status = await reader.ReadLineAsync();
        status.ShouldStartWith("HTTP/1.1 413");
        // Whatever the framing (length or chunks), the error JSON follows the headers.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new StringBuilder();
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null && !line.Contains("package too large", StringComparison.Ordinal))
        {
            seen.AppendLine(line);
        }

        line.ShouldNotBeNull(seen.ToString());
        line.ShouldContain("\"error\":\"package too large\"");
    }

    [Fact]
    public async Task A_bad_conf_header_is_named()
    {
        var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.Add("Squall-Conf", "%%% not base64");
        using var request = InProcessNimbus.Request(HttpMethod.Post, "api/v1/topology?name=t", content);

        using var response = await _nimbus.Http.SendAsync(request);

        await ShouldBeError(response, 400, "invalid configuration");
    }

    [Fact]
    public async Task A_package_that_is_not_a_zip_is_a_corrupt_package()
    {
        using var request = InProcessNimbus.Request(HttpMethod.Post, "api/v1/topology?name=t", new ByteArrayContent(Encoding.UTF8.GetBytes("hello")));

        using var response = await _nimbus.Http.SendAsync(request);

        await ShouldBeError(response, 400, "corrupt package");
    }

    [Fact]
    public async Task Writes_without_or_with_a_wrong_token_are_refused_with_the_error_json()
    {
        using (var missing = await _nimbus.Http.SendAsync(InProcessNimbus.Request(HttpMethod.Post, "api/v1/topology/x/activate", token: null)))
        {
            await ShouldBeError(missing, 401, "missing token");
        }

        using var wrong = await _nimbus.Http.SendAsync(InProcessNimbus.Request(HttpMethod.Post, "api/v1/topology/x/activate", token: "wrong-token-000"));
        await ShouldBeError(wrong, 403, "invalid token");
    }

    [Theory]
    [InlineData("POST", "api/v1/supervisor/heartbeat", InProcessNimbus.Token, 403)] // a client token cannot register a supervisor
    [InlineData("POST", "api/v1/supervisor/heartbeat", InProcessNimbus.ReadToken, 403)]
    [InlineData("POST", "api/v1/supervisor/heartbeat", null, 401)]
    [InlineData("GET", "api/v1/topology/t/package", InProcessNimbus.Token, 403)]
    [InlineData("POST", "api/v1/topology/t/kill/0", InProcessNimbus.SupervisorToken, 403)] // a supervisor cannot change the cluster
    [InlineData("POST", "api/v1/topology/t/kill/0", InProcessNimbus.ReadToken, 403)]
    [InlineData("GET", "api/v1/topology/t", null, 401)] // a topology's configuration is not for everyone
    [InlineData("GET", "api/v1/topology/t", InProcessNimbus.SupervisorToken, 403)]
    public async Task A_token_opens_only_its_own_calls(string method, string path, string? token, int status)
    {
        var body = path.EndsWith("heartbeat", StringComparison.Ordinal)
            ? new StringContent("""{"supervisorId": "fake", "host": "attacker", "ports": [6700], "workers": []}""", Encoding.UTF8, "application/json")
            : null;
        using var response = await _nimbus.Http.SendAsync(InProcessNimbus.Request(new HttpMethod(method), path, body, token));

        await ShouldBeError(response, status, status == 401 ? "missing token" : "invalid token");
    }

    [Fact]
    public async Task The_read_token_reads_and_the_summaries_are_open()
    {
        using (var info = await _nimbus.Http.SendAsync(InProcessNimbus.Request(HttpMethod.Get, "api/v1/topology/none", token: InProcessNimbus.ReadToken)))
        {
            await ShouldBeError(info, 404, "unknown topology"); // past the token check
        }

        foreach (var open in new[] { "api/v1/nimbus/summary", "api/v1/topology/summary", "api/v1/supervisor/summary" })
        {
            using var response = await _nimbus.Http.SendAsync(InProcessNimbus.Request(HttpMethod.Get, open, token: null));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, open);
        }

        using var heartbeat = await _nimbus.Http.SendAsync(InProcessNimbus.Request(
            HttpMethod.Post,
            "api/v1/supervisor/heartbeat",
            new StringContent("""{"supervisorId": "s1", "host": "h", "ports": [6700], "workers": []}""", Encoding.UTF8, "application/json"),
            InProcessNimbus.SupervisorToken));
        heartbeat.StatusCode.ShouldBe(HttpStatusCode.OK, await heartbeat.Content.ReadAsStringAsync());
    }

    private static async Task ShouldBeError(HttpResponseMessage response, int status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", text);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("error").GetString().ShouldBe(error, text);
        json.RootElement.GetProperty("errorMessage").GetString().ShouldNotBeNullOrWhiteSpace();
    }
}
