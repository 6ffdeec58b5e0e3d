using System.Reflection;
using System.Runtime.Loader;

namespace Squall.Cli;

/// <summary>
/// Loads a user's topology assembly and its dependencies in a context of their own, so a user's library
/// versions never clash with the engine's; Squall's own assemblies are shared with the host so that
/// <see cref="ITopologySource"/> is the same type on both sides.
/// </summary>
internal sealed class TopologyLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public TopologyLoadContext(string mainAssemblyPath)
        : base($"topology:{Path.GetFileNameWithoutExtension(mainAssemblyPath)}", isCollectible: false) =>
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && (name == "Squall" || name.StartsWith("Squall.", StringComparison.Ordinal)))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
