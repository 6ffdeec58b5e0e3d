using Squall.Connectors.Files;
using Squall.Connectors.Tests.Support;
using Squall.Runtime;

namespace Squall.Connectors.Tests.Files;

/// <summary>The file spout and bolt in a LocalCluster: every line delivered, replays on failure, rotation and sync.</summary>
[Trait("Category", "Integration")]
public sealed class FileConnectorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Every_line_of_every_file_is_delivered_failed_lines_again_and_finished_files_move_to_done()
    {
        var input = _dir.Sub("in");
        var expected = new List<string>();
        for (var f = 0; f < 3; f++)
        {
            var lines = Enumerable.Range(0, 40).Select(i => $"file{f}-line{i}").ToList();
            File.WriteAllLines(Path.Combine(input, $"f{f}.txt"), lines);
            expected.AddRange(lines);
        }

        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("lines", () => new FileSpout(new FileSpoutOptions { Directory = input, CommitEveryAcks = 7 }));
        builder.SetBolt("fail-once", () => new FailOnceBolt()).ShuffleGrouping("lines");
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("fail-once");
        using var cluster = new LocalCluster();
        cluster.SubmitTopology("files", new Config { MaxSpoutPending = 16 }, builder.CreateTopology());

        Wait.Until(() => Directory.Exists(Path.Combine(input, "done")) && Directory.GetFiles(Path.Combine(input, "done")).Length == 3, "all three files done", TimeSpan.FromSeconds(60));
        cluster.GetErrors("files").ShouldBeEmpty();
        cluster.KillTopology("files");

        sink.All.Select(r => (string)r.Values[0]!).Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
        Directory.GetFiles(input).ShouldBeEmpty();
        Directory.GetFiles(Path.Combine(input, ".squall-progress")).ShouldBeEmpty("a finished file's offset is removed");
    }

    [Fact]
    public void A_spout_resumes_at_the_committed_offset()
    {
        var input = _dir.Sub("in");
        File.WriteAllLines(Path.Combine(input, "a.txt"), ["one", "two", "three", "four"]);
        Directory.CreateDirectory(Path.Combine(input, ".squall-progress"));
        File.WriteAllText(Path.Combine(input, ".squall-progress", "a.txt.offset"), "8");   // "one\ntwo\n" acked before

        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("lines", () => new FileSpout(input));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("lines");
        using var cluster = new LocalCluster();
        cluster.SubmitTopology("resume", new Config(), builder.CreateTopology());

        Wait.Until(() => File.Exists(Path.Combine(input, "done", "a.txt")), "a.txt done", TimeSpan.FromSeconds(60));
        cluster.KillTopology("resume");

        sink.All.Select(r => (string)r.Values[0]!).ShouldBe(["three", "four"]);
    }

    [Fact]
    public void The_file_bolt_rotates_by_size_and_acks_only_synced_tuples()
    {
        var output = _dir.Sub("out");
        var log = new SpoutLog();
        var values = Enumerable.Range(0, 250).Select(i => new Values($"line-{i:D3}", i)).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("numbers", () => new FixedSpout(values, new Fields("text", "n"), log));
        builder.SetBolt("write", () => new FileBolt(new FileBoltOptions { Directory = output, SyncEveryTuples = 10, RotateBytes = 1000, Delimiter = "|" }))
            .ShuffleGrouping("numbers");
        using var cluster = new LocalCluster();
        cluster.SubmitTopology("write", new Config(), builder.CreateTopology());

        Wait.Until(() => log.AckCount == 250, $"250 acks (have {log.AckCount})", TimeSpan.FromSeconds(60));
        cluster.KillTopology("write");

        var files = Directory.GetFiles(output).Order(StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThan(2, "1000-byte files hold about 75 lines each");
        files.ShouldAllBe(f => !f.EndsWith(".part", StringComparison.Ordinal), "cleanup finishes the open file");
        files.SelectMany(File.ReadAllLines).ShouldBe(values.Select(v => $"{v[0].AsObject()}|{v[1].AsObject()}"));
        files.SkipLast(1).ShouldAllBe(f => new FileInfo(f).Length >= 1000);
    }
}
