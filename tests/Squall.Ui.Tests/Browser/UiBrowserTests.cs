using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Squall.Cluster.Tests.Cluster;
using Squall.Cluster.Tests.Infrastructure;

namespace Squall.Ui.Tests.Browser;

/// <summary>
/// What a Storm user does first, in a real browser (Debian's chromium through Playwright): a cluster
/// (ZooKeeper, Nimbus, 2 supervisors), a word count submitted to it, <c>squall ui</c>, then the pages and the
/// actions. Screenshots land in <c>screenshots/</c> beside the test assembly (<see cref="Screenshots"/>); with
/// SQUALL_UPDATE_DOCS=1 the topology page also replaces <c>docs/ui.png</c>.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class UiBrowserTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_user_watches_word_count_rise_and_deactivates_activates_rebalances_and_kills_it()
    {
        await using var cluster = await TestCluster.StartAsync();
        var run = new WordCountRun(cluster.Dir, sentences: 10_000_000);
        var submit = await cluster.CliAsync(run.SubmitArgs("words", workers: 2, rate: 300));
        submit.ExitCode.ShouldBe(0, submit.Output);

        var port = FreePort();
        await using var ui = DaemonProcess.Start("ui", cluster.Dir, "ui", "--config-file", cluster.ConfigFile, "-c", $"ui.port={port}");
        using var http = new HttpClient();
        var url = $"http://127.0.0.1:{port}/";
        await Wait.UntilAsync(() => Answers(http, url + "api/v1/cluster/summary"), Patience, () => ui.Output + cluster.Logs());

        await using var browser = await BrowserLauncher.LaunchAsync();
        var page = await browser.NewPageAsync();

        // The cluster page lists the topology; its link opens the topology page.
        await page.GotoAsync(url);
        await page.Locator("#topologies tr[data-id='words'] a").ClickAsync(new LocatorClickOptions { Timeout = 120_000 });
        await page.Locator("#spouts").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });

        // Emitted rises on the topology page, without reloading it.
        var first = await WaitForEmittedAsync(page, e => e > 0, "the spout emits");
        await WaitForEmittedAsync(page, e => e > first, "emitted rises");
        await page.Locator("#graph svg .node[data-component='count']").WaitForAsync();
        await Screenshots.SaveAsync(page, "topology.png", docsName: "ui.png");

        // The component page: executors with their host:port, input and output streams.
        await page.Locator("#bolts tr[data-id='count'] a").First.ClickAsync();
        await page.Locator("#executors tbody tr").First.WaitForAsync();
        (await page.Locator("#executors tbody tr").CountAsync()).ShouldBe(2);
        (await page.Locator("#executors tbody tr").First.InnerTextAsync()).ShouldContain("127.0.0.1:");
        (await page.Locator("#inputs").InnerTextAsync()).ShouldContain("split");
        await Screenshots.SaveAsync(page, "component.png");

        // An executor links to its worker's log, served by that worker's supervisor.
        var logLink = await page.Locator("#executors tbody tr a.log-link").First.GetAttributeAsync("href");
        logLink.ShouldNotBeNull();
        logLink.ShouldContain("/api/v1/log?file=");
        var logPage = await browser.NewPageAsync();
        await logPage.GotoAsync(logLink);
        (await logPage.Locator("#log").InnerTextAsync()).ShouldContain("running on port");
        await Screenshots.SaveAsync(logPage, "worker-log.png", fullPage: false);

        // Deactivate (confirm, then give the token once): emitted stops rising.
        await page.GotoAsync(url + "#/topology/words");
        await page.Locator("#spouts").WaitForAsync();
        await page.Locator("#deactivate").ClickAsync();
        await page.Locator("#modal-confirm").ClickAsync();
        await page.Locator("#token-input").FillAsync(TestCluster.Token);
        await page.Locator("#modal-confirm").ClickAsync();
        await WaitForTextAsync(page, "#status", "INACTIVE");
        var stopped = await WaitForSteadyEmittedAsync(page);
        await page.WaitForTimeoutAsync(4000);
        (await EmittedAsync(page)).ShouldBe(stopped, "a deactivated spout emits nothing");

        // Activate (the token is remembered): emitted rises again.
        await page.Locator("#activate").ClickAsync();
        await page.Locator("#modal-confirm").ClickAsync();
        await WaitForTextAsync(page, "#status", "ACTIVE");
        await WaitForEmittedAsync(page, e => e > stopped, "emitted rises again after activate");

        // Rebalance split to one executor: the workers restart with the new counts.
        await page.Locator("#rebalance").ClickAsync();
        await page.Locator(".dialog input[data-component='split']").FillAsync("1");
        await page.Locator("#modal-confirm").ClickAsync();
        await WaitForTextAsync(page, "#bolts tr[data-id='split'] td:nth-child(2)", "1");
        await WaitForTextAsync(page, "#status", "ACTIVE");
        await WaitForEmittedAsync(page, e => e > 0, "the rebalanced topology emits");
        await Screenshots.SaveAsync(page, "rebalanced.png");

        // Kill: gone from the cluster page.
        await page.Locator("#kill").ClickAsync();
        await page.Locator("#kill-wait").FillAsync("0");
        await page.Locator("#modal-confirm").ClickAsync();
        await page.GotoAsync(url);
        await Wait.UntilAsync(async () => await page.Locator("#topologies tr[data-id='words']").CountAsync() == 0, Patience, () => "the killed topology leaves the cluster page");
        await Screenshots.SaveAsync(page, "cluster.png");
    }

    private static async Task<long> EmittedAsync(IPage page)
    {
        var text = await page.Locator("#topology-stats tr[data-id=':all-time'] td.emitted").InnerTextAsync();
        return long.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    private static async Task<long> WaitForEmittedAsync(IPage page, Func<long, bool> condition, string description)
    {
        long last = -1;
        await Wait.UntilAsync(
            async () =>
            {
                try
                {
                    last = await EmittedAsync(page);
                    return condition(last);
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException or FormatException)
                {
                    return false;
                }
            },
            Patience,
            () => $"{description} (last seen {last})");
        return last;
    }

    /// <summary>After deactivation, tuples already emitted drain: waits until two reads a refresh cycle apart agree.</summary>
    private static async Task<long> WaitForSteadyEmittedAsync(IPage page)
    {
        var previous = -1L;
        var steady = -1L;
        await Wait.UntilAsync(
            async () =>
            {
                var now = await EmittedAsync(page);
                await page.WaitForTimeoutAsync(3000);
                var later = await EmittedAsync(page);
                (previous, steady) = (now, later);
                return now == later;
            },
            Patience,
            () => $"emitted settles after deactivate ({previous} then {steady})");
        return steady;
    }

    private static Task WaitForTextAsync(IPage page, string selector, string text) =>
        Wait.UntilAsync(
            async () =>
            {
                try
                {
                    return (await page.Locator(selector).InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5000 })).Trim() == text;
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    return false;
                }
            },
            Patience,
            () => $"{selector} reads '{text}'");

    private static async Task<bool> Answers(HttpClient http, string url)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
