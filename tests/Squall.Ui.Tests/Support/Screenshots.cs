namespace Squall.Ui.Tests.Support;

/// <summary>Where browser tests save screenshots (beside the test assembly) and, with SQUALL_UPDATE_DOCS=1, refresh the ones in <c>docs/</c>.</summary>
internal static class Screenshots
{
    public static string Dir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string PathOf(string name)
    {
        Directory.CreateDirectory(Dir);
        return Path.Combine(Dir, name);
    }

    /// <summary>Copies a saved screenshot over <c>docs/{docsName}</c> when SQUALL_UPDATE_DOCS=1.</summary>
    public static void UpdateDocs(string name, string docsName)
    {
        if (Environment.GetEnvironmentVariable("SQUALL_UPDATE_DOCS") == "1")
        {
            File.Copy(PathOf(name), Path.Combine(RepositoryRoot(), "docs", docsName), overwrite: true);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Squall.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Squall.slnx not found above the test assembly.");
    }
}
