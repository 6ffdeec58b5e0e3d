using System.Reflection;

namespace Squall.Tests;

/// <summary>
/// The public API of <c>src/Squall</c> is what every user topology compiles against: any change to it must be
/// deliberate. This compares it with the approved listing; after an intended change, copy the
/// <c>PublicApi.received.txt</c> the failure writes over <c>PublicApi.approved.txt</c> and review the diff.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_approved_listing()
    {
        var current = Describe(typeof(TopologyBuilder).Assembly);
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi.approved.txt");
        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
        if (current != approved)
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "PublicApi.received.txt"), current);
        }

        current.ShouldBe(approved, "the public API changed; see PublicApi.received.txt next to this test");
    }

    private static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {type.FullName}{Bases(type)}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            lines.AddRange(type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && m is not Type)
                .Select(m => "  " + m.ToString())
                .Order(StringComparer.Ordinal));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string Bases(Type type)
    {
        var bases = type.GetInterfaces().Select(i => i.Name).Order(StringComparer.Ordinal).ToList();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Insert(0, baseType.Name);
        }

        return bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
