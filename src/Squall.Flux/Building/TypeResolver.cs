using System.Reflection;

namespace Squall.Flux.Building;

/// <summary>
/// Finds a .NET type by the name a YAML file gives: an assembly-qualified name (<c>My.Bolt, MyAssembly</c>)
/// loads its assembly; a full name is looked up in the loaded assemblies, then in assemblies named by its
/// namespace prefixes (<c>Squall.Connectors.Files.FileSpout</c> loads <c>Squall.Connectors.Files</c>).
/// </summary>
internal static class TypeResolver
{
    public static Type? Find(string name)
    {
        try
        {
            if (Type.GetType(name, throwOnError: false) is { } direct)
            {
                return direct;
            }
        }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException or ArgumentException)
        {
            return null;
        }

        if (FindLoaded(name) is { } loaded)
        {
            return loaded;
        }

        for (var dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
        {
            if (TryLoad(name[..dot]) is { } assembly && assembly.GetType(name, throwOnError: false) is { } type)
            {
                return type;
            }
        }

        return null;
    }

    private static Type? FindLoaded(string name)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && assembly.GetType(name, throwOnError: false) is { } type)
            {
                return type;
            }
        }

        return null;
    }

    private static Assembly? TryLoad(string assemblyName)
    {
        try
        {
            return Assembly.Load(new AssemblyName(assemblyName));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
