using Microsoft.Playwright;

namespace Squall.Ui.Tests.Browser;

/// <summary>
/// Starts a headless Chromium for UI tests through Playwright, using the system's browser
/// (<c>/usr/bin/chromium</c>, Debian's <c>chromium</c> package; override with <c>SQUALL_CHROMIUM</c>) — never a
/// browser downloaded by <c>playwright install</c>. The flags keep it quiet: no GPU, no sandbox (containers),
/// no background network, no updates.
/// </summary>
internal sealed class BrowserLauncher : IAsyncDisposable
{
    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private BrowserLauncher(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>The browser executable: <c>SQUALL_CHROMIUM</c> if set, else <see cref="DefaultChromium"/>.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("SQUALL_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;

    /// <summary>Launches the browser; fails with a clear message when it is not installed.</summary>
    public static async Task<BrowserLauncher> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No browser at {ChromiumPath}: install Debian's chromium package (sudo apt-get install -y chromium) or set SQUALL_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = Flags,
                Timeout = 120_000,
            }).ConfigureAwait(false);
            return new BrowserLauncher(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new page in a fresh context (its own storage), sized like a laptop screen.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } }).ConfigureAwait(false);
        return await context.NewPageAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync().ConfigureAwait(false);
        _playwright.Dispose();
    }
}
