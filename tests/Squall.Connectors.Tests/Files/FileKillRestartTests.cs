using System.Globalization;
using Squall.Connectors.Tests.Support;

namespace Squall.Connectors.Tests.Files;

/// <summary>
/// A real <c>squall run copy.yaml</c> process (FileSpout → FileBolt, defined in YAML) is killed with -9 in the
/// middle of a file and started again: the second run resumes at the committed offset, so every line reaches
/// the output, and every line before the offset committed at the kill is there exactly once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FileKillRestartTests : IDisposable
{
    private const int Lines = 200_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_killed_topology_resumes_where_acks_left_off_and_loses_nothing()
    {
        var input = _dir.Sub("in");
        var output = _dir.Sub("out");
        var inputFile = Path.Combine(input, "big.txt");
        File.WriteAllLines(inputFile, Enumerable.Range(0, Lines).Select(i => $"line {i:D7}"));
        var yaml = Path.Combine(_dir.Root, "copy.yaml");
        File.WriteAllText(yaml, """
            name: copy
            config:
              topology.max.spout.pending: 500
            components:
              - id: in
                className: Squall.Connectors.Files.FileSpoutOptions
                properties:
                  - { name: directory, value: "${in}" }
                  - { name: commitEveryAcks, value: 50 }
              - id: out
                className: Squall.Connectors.Files.FileBoltOptions
                properties:
                  - { name: directory, value: "${out}" }
                  - { name: syncEveryTuples, value: 100 }
                  - { name: rotateBytes, value: 200000 }
            spouts:
              - id: lines
                className: Squall.Connectors.Files.FileSpout
                constructorArgs: [{ ref: in }]
            bolts:
              - id: write
                className: Squall.Connectors.Files.FileBolt
                constructorArgs: [{ ref: out }]
            streams:
              - { from: lines, to: write, grouping: { type: SHUFFLE } }
            """);
        File.WriteAllText(Path.Combine(_dir.Root, "copy.properties"), $"in={input}\nout={output}\n");
        string[] run = ["run", yaml, "--filter", Path.Combine(_dir.Root, "copy.properties")];
        var offsetFile = Path.Combine(input, ".squall-progress", "big.txt.offset");

        long committedAtKill;
        using (var first = SquallProcess.Start(_dir.Root, run))
        {
            Wait.Until(() => ReadOffset(offsetFile) > 100_000 || first.HasExited, "the first run commits part of the file", Patience);
            first.HasExited.ShouldBeFalse(first.Output);
            first.KillHard();
            committedAtKill = ReadOffset(offsetFile);
        }

        committedAtKill.ShouldBeLessThan(new FileInfo(inputFile).Length, "killed in the middle of the file");
        using (var second = SquallProcess.Start(_dir.Root, run))
        {
            Wait.Until(() => File.Exists(Path.Combine(input, "done", "big.txt")) || second.HasExited, "the second run finishes the file", Patience);
            second.HasExited.ShouldBeFalse(second.Output);
            Wait.Until(() => OutputLines(output).Count >= Lines, "every line synced", Patience);
        }

        var written = OutputLines(output);
        var counts = written.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var linesBeforeKill = (int)(committedAtKill / "line 0000000\n".Length);
        for (var i = 0; i < Lines; i++)
        {
            var line = $"line {i:D7}";
            counts.GetValueOrDefault(line).ShouldBeGreaterThan(0, $"{line} was lost");
            if (i < linesBeforeKill)
            {
                counts[line].ShouldBe(1, $"{line} was acked before the kill, so it is not read again");
            }
        }

        counts.Count.ShouldBe(Lines);
        (written.Count - Lines).ShouldBeLessThan(Lines - linesBeforeKill + 1, "only lines after the committed offset may repeat");
    }

    private static long ReadOffset(string path)
    {
        try
        {
            return File.Exists(path) ? long.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture) : 0;
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return 0;   // being replaced at this very moment
        }
    }

    private static List<string> OutputLines(string dir) =>
        [.. Directory.GetFiles(dir).SelectMany(f => File.ReadAllLines(f)).Where(l => l.StartsWith("line ", StringComparison.Ordinal) && l.Length == 12)];
}
