using System.Net;
using System.Text.Json;
using RollingTopWords;
using Squall.ChildProcesses;
using Squall.Testing;
using Squall.Testing.Servers;
using Squall.Windowing;

namespace Squall.State.Tests.Examples;

[Trait("Category", "Integration")]
public sealed class RollingTopWordsTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task The_event_stream_pushes_the_live_ranking_of_the_sliding_window()
    {
        var source = new RollingTopWordsTopology { WindowLength = Duration.Seconds(2), SlidingInterval = Duration.Seconds(1), TopN = 5 };
        await using var server = new RankingServer(source.Board, ServerProcess.FreeLoopbackPort());
        server.Start();
        using var cluster = new LocalCluster();
        cluster.SubmitTopology(source.Name, new Config(), source.Build(new Config()));

        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Wait.DefaultTimeout };
        (await http.GetStringAsync(new Uri("/", UriKind.Relative))).ShouldContain("new EventSource('/events')");
        (await http.GetAsync(new Uri("/missing", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var response = await http.GetAsync(new Uri("/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Ranking? ranking = null;
        using var timeout = new CancellationTokenSource(Wait.DefaultTimeout);
        while (ranking is not { Words.Count: > 0 })
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line is not null && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                ranking = JsonSerializer.Deserialize<Ranking>(line["data: ".Length..], WebJson);
            }
        }

        ranking.Words.Count.ShouldBe(5);
        ranking.Words.Select(w => w.Count).ShouldBeInOrder(SortDirection.Descending);
        ranking.WindowEnd.ShouldBeGreaterThan(0);
        cluster.GetErrors(source.Name).ShouldBeEmpty();
        cluster.KillTopology(source.Name);
    }
}
