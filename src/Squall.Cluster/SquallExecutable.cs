using System.Reflection;

namespace Squall.Cluster;

/// <summary>
/// How to start another process of this very executable: the apphost itself, or <c>dotnet squall.dll</c>
/// when running under the shared host. A host that is not the squall executable (a test running Nimbus in
/// its own process) names it with <see cref="Use"/>.
/// </summary>
internal static class SquallExecutable
{
    public static string Path { get; private set; } = Environment.ProcessPath ?? "dotnet";

    public static IReadOnlyList<string> PrefixArguments { get; private set; } =
        System.IO.Path.GetFileNameWithoutExtension(Path) == "dotnet" && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry
            ? [entry]
            : [];

    /// <summary>Starts children as <c><paramref name="path"/> <paramref name="prefixArguments"/> ...</c> from now on.</summary>
    public static void Use(string path, IReadOnlyList<string> prefixArguments)
    {
        Path = path;
        PrefixArguments = prefixArguments;
    }
}
