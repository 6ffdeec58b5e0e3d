using System.Security;

namespace Squall.Cli.Scaffold;

/// <summary>The NuGet.config of <c>squall new --source FEED</c>: the feed with the Squall packages, beside the user's own sources.</summary>
internal static class NuGetConfig
{
    public const string FileName = "NuGet.config";

    public static void Write(string directory, string feed)
    {
        // A folder is written as an absolute path, so the project restores from anywhere; a URL as it is.
        var value = Uri.TryCreate(feed, UriKind.Absolute, out var uri) && !uri.IsFile ? feed : Path.GetFullPath(feed);
        File.WriteAllText(Path.Combine(directory, FileName), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <!-- The Squall packages; the sources of your other NuGet.config files still apply. -->
                <add key="squall" value="{SecurityElement.Escape(value)}" />
              </packageSources>
            </configuration>

            """);
    }
}
