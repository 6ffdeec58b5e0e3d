namespace Squall.Cli.Tests.Support;

/// <summary>A fresh folder under the system's temp folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix)
    {
        Root = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Root { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file a moment after it was killed; the OS cleans the temp folder.
        }
    }
}
