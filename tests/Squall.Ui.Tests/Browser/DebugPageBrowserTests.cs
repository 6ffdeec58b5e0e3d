using Microsoft.Playwright;
using Squall.Ui.Tests.Support;

namespace Squall.Ui.Tests.Browser;

/// <summary>
/// Debug sampling in a real browser (Debian's chromium through Playwright), on a local cluster's UI: switch debug
/// on from the topology page, read the sampled tuples on the events page, open a failed tuple's tree.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DebugPageBrowserTests
{
    private const float Patience = 120_000;

    [Fact]
    public async Task A_user_switches_debug_on_reads_the_sampled_tuples_and_opens_a_failed_tuples_tree()
    {
        await using var debug = await DebugFixture.StartAsync();
        await using var browser = await BrowserLauncher.LaunchAsync();
        var page = await browser.NewPageAsync();
        var url = debug.Ui.Ui.Url.ToString();

        await page.GotoAsync(url + "#/topology/" + DebugFixture.Topology);
        await page.Locator("#debug").ClickAsync(new LocatorClickOptions { Timeout = Patience });
        await page.Locator("#debug-pct").FillAsync("100");
        await page.Locator("#modal-confirm").ClickAsync();
        await page.Locator("#token-input").FillAsync(debug.Ui.Ui.Token);
        await page.Locator("#modal-confirm").ClickAsync();
        await page.Locator("#debug-state").WaitForAsync(new LocatorWaitForOptions { Timeout = Patience });
        await Assertions.Expect(page.Locator("#debug-state")).ToHaveTextAsync("debug on", new LocatorAssertionsToHaveTextOptions { Timeout = Patience });

        debug.FeedAndSettle(3, "fine");
        debug.FeedAndSettle(1, "bad");

        // The page refreshes itself: the sampled tuples and events appear without a reload.
        await Assertions.Expect(page.Locator("#trees tbody tr")).ToHaveCountAsync(4, new LocatorAssertionsToHaveCountOptions { Timeout = Patience });
        (await page.Locator("#events").InnerTextAsync()).ShouldContain("[FINE]");
        await Screenshots.SaveAsync(page, "events.png", docsName: "ui-events.png");

        var failed = page.Locator("#trees tbody tr", new PageLocatorOptions { HasText = "failed" });
        (await failed.InnerTextAsync()).ShouldContain("BAD is not a word");
        await failed.Locator("a.tree-link").ClickAsync();
        await Assertions.Expect(page.Locator("#tree-status")).ToHaveTextAsync("failed", new LocatorAssertionsToHaveTextOptions { Timeout = Patience });
        var failedEdge = page.Locator("#tree tbody tr", new PageLocatorOptions { HasText = "BAD is not a word" });
        (await failedEdge.InnerTextAsync()).ShouldContain("upper:");
        (await failedEdge.InnerTextAsync()).ShouldContain("→ check:");
        (await page.Locator("div.sub").InnerTextAsync()).ShouldContain("flight recorder"); // a failed tree: from the recorders, values from sampling
        await Screenshots.SaveAsync(page, "tree.png", docsName: "ui-tree.png");
    }
}
