namespace Squall.Flux.Tests.Support;

/// <summary>A temporary folder of YAML (and other) files for one test, deleted afterwards.</summary>
public sealed class YamlFiles : IDisposable
{
    public YamlFiles() => Root = Directory.CreateTempSubdirectory("squall-flux-").FullName;

    public string Root { get; }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
