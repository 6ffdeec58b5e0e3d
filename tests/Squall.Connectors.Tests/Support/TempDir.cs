namespace Squall.Connectors.Tests.Support;

/// <summary>A temporary folder for one test, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Root = Directory.CreateTempSubdirectory("squall-connectors-").FullName;

    public string Root { get; }

    public string Sub(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be releasing a file; the OS temp cleaner gets it.
        }
    }
}
