using Microsoft.Playwright;

namespace Squall.Ui.Tests.Browser;

/// <summary>
/// Where browser tests keep their screenshots: <c>screenshots/</c> beside the test assembly, and, when
/// <c>SQUALL_UPDATE_DOCS=1</c>, a copy over the picture in the repository's <c>docs/</c> that shows it.
/// </summary>
internal static class Screenshots
{
    /// <summary>The directory beside the test assembly.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Saves <paramref name="page"/> as <paramref name="name"/> (a .png name); with SQUALL_UPDATE_DOCS=1 also as <c>docs/</c><paramref name="docsName"/>.</summary>
    public static async Task SaveAsync(IPage page, string name, string? docsName = null, bool fullPage = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage }).ConfigureAwait(false);
        if (docsName is not null && Environment.GetEnvironmentVariable("SQUALL_UPDATE_DOCS") == "1")
        {
            File.Copy(path, Path.Combine(RepositoryRoot(), "docs", docsName), overwrite: true);
        }
    }

    /// <summary>The directory holding <c>Squall.slnx</c>, above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Squall.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Squall.slnx not found above the test assembly.");
    }
}
