using Squall.Connectors.Files;
using Squall.Connectors.Tests.Support;

namespace Squall.Connectors.Tests.Files;

[Trait("Category", "Unit")]
public sealed class LineReaderTests
{
    [Fact]
    public void Lines_carry_their_byte_ranges_and_reading_resumes_at_an_offset()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Root, "a.txt");
        File.WriteAllText(path, "héllo\r\nworld\n\nlast");

        var lines = ReadAll(path, 0);

        lines.ShouldBe([("héllo", 0L, 8L), ("world", 8L, 14L), (string.Empty, 14L, 15L), ("last", 15L, 19L)]);
        ReadAll(path, 8).Select(l => l.Text).ShouldBe(["world", string.Empty, "last"]);
    }

    private static List<(string Text, long Start, long End)> ReadAll(string path, long offset)
    {
        using var reader = new LineReader(path, offset);
        var lines = new List<(string, long, long)>();
        while (reader.TryRead(out var text, out var start, out var end))
        {
            lines.Add((text, start, end));
        }

        return lines;
    }
}
