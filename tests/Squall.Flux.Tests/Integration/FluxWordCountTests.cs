using Squall.Flux.Tests.Support;
using Squall.Runtime;
using Squall.Testing;

namespace Squall.Flux.Tests.Integration;

/// <summary>
/// The YAML word count example (Python spout and bolts, properties, an include) runs in a LocalCluster; a test
/// file includes it and adds a capturing bolt, and the final count of every word is exact.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FluxWordCountTests : IDisposable
{
    private readonly YamlFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_example_counts_every_word_of_the_corpus_exactly()
    {
        var example = Path.Combine(RepositoryRoot(), "examples", "FluxWordCount");
        var sink = Guid.NewGuid().ToString("N");
        var test = _files.Write("test.yaml", $$"""
            name: flux-wordcount-test
            includes:
              - file: {{Path.Combine(example, "topology.yaml")}}
            bolts:
              - id: capture
                className: Squall.Flux.Tests.Support.NamedCaptureBolt
                constructorArgs: ["${sink}"]
            streams:
              - from: count
                to: capture
                grouping: { type: GLOBAL }
            """);
        var properties = new Dictionary<string, string> { ["sink"] = sink, ["rounds"] = "3", ["max.pending"] = "50", ["split.parallelism"] = "2" };
        var flux = FluxTopology.Load(test, new FluxOptions
        {
            Properties = properties,
            ResourcesDirectory = Path.Combine(example, "resources"),
        });
        var conf = new Config();

        using var cluster = new LocalCluster();
        cluster.SubmitTopology(flux.Name, conf, flux.Build(conf));
        var captured = NamedCaptureBolt.Sinks.GetOrAdd(sink, _ => new());
        const int words = 3 * (6 + 8 + 6 + 6 + 6);
        Wait.Until(() => captured.Count >= words, $"{words} counts captured (have {captured.Count})", TimeSpan.FromSeconds(120));
        cluster.GetErrors(flux.Name).ShouldBeEmpty();
        cluster.KillTopology(flux.Name);

        var finals = captured.GroupBy(v => (string)v[0]!).ToDictionary(g => g.Key, g => g.Max(v => Convert.ToInt64(v[1], System.Globalization.CultureInfo.InvariantCulture)));
        captured.Count.ShouldBe(words);
        finals["the"].ShouldBe(3 * 4);
        finals["seven"].ShouldBe(3 * 2);
        finals["moon"].ShouldBe(3);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Squall.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Squall.slnx not found above the test's folder.");
    }
}
