using System.Net;
using System.Text.Json.Nodes;
using Squall.Cluster.Supervisor;

namespace Squall.Cluster.Tests.Integration;

/// <summary>The supervisor's logviewer: loopback on a free port, the slots' own logs only, the documented error JSON otherwise.</summary>
[Trait("Category", "Integration")]
public sealed class LogViewerTests : IAsyncLifetime, IDisposable
{
    private const int Slot = 6700;
    private readonly string _dir = Directory.CreateTempSubdirectory("squall-logviewer-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private LogViewer _viewer = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllLinesAsync(new SlotFiles(_dir, Slot).LogPath, ["starting", "emitted 'word'", "stopping"]);
        _viewer = await LogViewer.StartAsync("127.0.0.1", 0, _dir, [Slot], CancellationToken.None);
        _http.BaseAddress = new Uri($"http://127.0.0.1:{_viewer.Port}/");
    }

    public async Task DisposeAsync() => await _viewer.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_search_finds_the_matching_lines_of_a_slots_log()
    {
        var found = JsonNode.Parse(await _http.GetStringAsync($"api/v1/search?file=t-1/{Slot}/worker.log&search-string='word'"))!;

        found["searchString"]!.GetValue<string>().ShouldBe("'word'");
        var match = found["matches"]!.AsArray().ShouldHaveSingleItem()!;
        match["lineNumber"]!.GetValue<int>().ShouldBe(2);
        match["matchString"]!.GetValue<string>().ShouldBe("emitted 'word'");
    }

    [Theory]
    [InlineData("api/v1/log?file=t-1/6701/worker.log", HttpStatusCode.NotFound, "unknown log", "'t-1/6701/worker.log' is not a worker log of this supervisor")]
    [InlineData("api/v1/download?file=../../etc/passwd", HttpStatusCode.NotFound, "unknown log", "(expected TOPOLOGY/PORT/worker.log)")]
    [InlineData("api/v1/search?file=t-1/6700/worker.log", HttpStatusCode.BadRequest, "missing search", "Give search-string=TEXT.")]
    public async Task A_bad_request_gets_the_error_json(string path, HttpStatusCode status, string error, string message)
    {
        using var response = await _http.GetAsync(path);

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["error"]!.GetValue<string>().ShouldBe(error);
        body["errorMessage"]!.GetValue<string>().ShouldContain(message);
    }
}
