using System.Globalization;

namespace Squall.Connectors.Files;

/// <summary>
/// Committed offsets on disk: one file per input file holding a decimal byte offset, replaced atomically
/// (written beside, then renamed over), so a kill -9 leaves either the old or the new offset, never half of one.
/// </summary>
internal sealed class ProgressStore(string directory)
{
    public long Read(string file)
    {
        var path = PathOf(file);
        return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
    }

    public void Write(string file, long offset)
    {
        Directory.CreateDirectory(directory);
        var path = PathOf(file);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    public void Delete(string file) => File.Delete(PathOf(file));

    private string PathOf(string file) => Path.Combine(directory, Path.GetFileName(file) + ".offset");
}
