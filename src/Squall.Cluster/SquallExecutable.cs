using System.Reflection;

namespace Squall.Cluster;

/// <summary>
/// How to start another process of this very executable: the apphost itself, or <c>dotnet squall.dll</c>
/// when running under the shared host (as tests do).
/// </summary>
internal static class SquallExecutable
{
    public static string Path { get; } = Environment.ProcessPath ?? "dotnet";

    public static IReadOnlyList<string> PrefixArguments { get; } =
        System.IO.Path.GetFileNameWithoutExtension(Path) == "dotnet" && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry
            ? [entry]
            : [];
}
