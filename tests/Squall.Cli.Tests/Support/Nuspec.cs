using System.IO.Compression;

namespace Squall.Cli.Tests.Support;

/// <summary>The manifest inside a .nupkg (a zip with one .nuspec at its root).</summary>
public static class Nuspec
{
    public static string Read(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
