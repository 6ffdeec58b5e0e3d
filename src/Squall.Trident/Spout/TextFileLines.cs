using System.Text;

namespace Squall.Trident.Spout;

/// <summary>
/// Byte ranges of whole lines of a text file that only grows: what the file spouts' metadata describes. A line counts once
/// its '\n' is written, so a line being appended is never cut in two batches.
/// </summary>
internal sealed class TextFileLines(string path)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>The end of the range of at most <paramref name="maxLines"/> complete lines starting at <paramref name="start"/>.</summary>
    public long EndOfLines(long start, int maxLines)
    {
        using var file = Open(start);
        var buffer = new byte[ChunkSize];
        var end = start;
        var position = start;
        var lines = 0;
        int read;
        while (lines < maxLines && (read = file.Read(buffer)) > 0)
        {
            for (var i = 0; i < read && lines < maxLines; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    lines++;
                    end = position + i + 1;
                }
            }

            position += read;
        }

        return end;
    }

    /// <summary>The lines in [<paramref name="start"/>, <paramref name="end"/>), without their line ends.</summary>
    public IEnumerable<string> Read(long start, long end)
    {
        using var file = Open(start);
        var bytes = new byte[end - start];
        file.ReadExactly(bytes);
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            if (line.Length > 0)
            {
                yield return line.TrimEnd('\r');
            }
        }
    }

    private FileStream Open(long start)
    {
        // Shared read and write: the writer keeps appending while batches are read.
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        file.Seek(start, SeekOrigin.Begin);
        return file;
    }
}
