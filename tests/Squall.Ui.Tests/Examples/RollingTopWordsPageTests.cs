using Microsoft.Playwright;
using RollingTopWords;
using Squall.ChildProcesses;
using Squall.Runtime;
using Squall.Testing;
using Squall.Ui.Tests.Browser;
using Squall.Windowing;

namespace Squall.Ui.Tests.Examples;

/// <summary>
/// The RollingTopWords example's live page in a real browser (Debian's chromium through Playwright): the topology and the
/// page's server run as <c>dotnet run --project examples/RollingTopWords</c> runs them, and the page must show the top words
/// and redraw them as the window slides, with no reload. With SQUALL_UPDATE_DOCS=1 the page replaces
/// <c>docs/rolling-top-words.png</c>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RollingTopWordsPageTests
{
    private static readonly float Patience = 120_000;

    [Fact]
    public async Task The_page_shows_the_top_words_and_redraws_them_as_the_window_slides()
    {
        var source = new RollingTopWordsTopology { WindowLength = Duration.Seconds(2), SlidingInterval = Duration.Seconds(1), TopN = 5 };
        await using var server = new RankingServer(source.Board, ServerProcess.FreeLoopbackPort());
        server.Start();
        using var cluster = new LocalCluster();
        cluster.SubmitTopology(source.Name, new Config(), source.Build(new Config()));

        await using var browser = await BrowserLauncher.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.Address.ToString());
        var rows = page.Locator("#ranking li");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#ranking li').length === 5", null, new PageWaitForFunctionOptions { Timeout = Patience });

        var status = await page.Locator("#status").InnerTextAsync();
        status.ShouldStartWith("window ending ");
        var words = await rows.Locator(".word").AllInnerTextsAsync();
        var corpus = WordCount.Corpus.BuiltIn.SelectMany(s => s.Split(' ')).ToHashSet();
        words.ShouldAllBe(w => corpus.Contains(w));
        words.ShouldBeUnique();
        var counts = (await rows.Locator(".count").AllInnerTextsAsync()).Select(int.Parse).ToList();
        counts.ShouldBeInOrder(SortDirection.Descending);
        counts.ShouldAllBe(c => c > 0);
        await Screenshots.SaveAsync(page, "rolling-top-words.png", docsName: "rolling-top-words.png");

        // The next window arrives over the same event stream: the page redraws without a reload.
        await page.WaitForFunctionAsync(
            "before => document.getElementById('status').textContent !== before", status, new PageWaitForFunctionOptions { Timeout = Patience });
        (await rows.CountAsync()).ShouldBe(5);
        cluster.GetErrors(source.Name).ShouldBeEmpty();
        cluster.KillTopology(source.Name);
    }
}
