using Squall.Flux.Tests.Support;

namespace Squall.Flux.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class IncludeTests : IDisposable
{
    private const string Spout = "Squall.Flux.Tests.Support.ConfigurableSpout";
    private readonly YamlFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false, 1, 2)]
    [InlineData(true, 9, 5)]
    public void Included_config_and_components_merge_by_key_and_id(bool overrides, int expectedWorkers, int expectedParallelism)
    {
        _files.Write("common.yaml", $"""
            config:
              topology.workers: 9
              topology.debug: true
            spouts:
              - id: s
                className: {Spout}
                parallelism: 5
              - id: extra
                className: {Spout}
            """);
        var main = _files.Write("main.yaml", $"""
            name: main
            includes:
              - file: common.yaml
                override: {(overrides ? "true" : "false")}
            config:
              topology.workers: 1
            spouts:
              - id: s
                className: {Spout}
                parallelism: 2
            """);

        var flux = FluxTopology.Load(main);
        var topology = flux.Build(new Config());

        flux.Configuration["topology.workers"].ShouldBe(expectedWorkers);
        flux.Configuration["topology.debug"].ShouldBe(true);
        topology.ById["s"].Executors.ShouldBe(expectedParallelism);
        topology.SpoutIds.ShouldBe(["extra", "s"], ignoreOrder: true);
    }

    [Fact]
    public void Errors_in_an_included_file_point_at_that_file()
    {
        var common = _files.Write("sub/common.yaml", "spouts:\n  - id: s\n    className: Nope.Type\n");
        var main = _files.Write("main.yaml", "name: main\nincludes:\n  - file: sub/common.yaml\n");

        var error = Should.Throw<FluxException>(() => FluxTopology.Load(main));

        error.File.ShouldBe(common);
        error.Line.ShouldBe(2, "the spout's mapping starts on line 2 of the included file");
    }

    [Fact]
    public void A_cycle_of_includes_is_refused()
    {
        _files.Write("a.yaml", "name: a\nincludes:\n  - file: b.yaml\n");
        _files.Write("b.yaml", "includes:\n  - file: a.yaml\n");

        Should.Throw<FluxException>(() => FluxTopology.Load(Path.Combine(_files.Root, "a.yaml"))).Message.ShouldContain("includes itself");
    }

    [Fact]
    public void The_resolved_definition_reloads_to_the_same_topology()
    {
        _files.Write("common.yaml", $"spouts:\n  - id: s\n    className: {Spout}\n    parallelism: ${{p}}\n");
        var main = _files.Write("main.yaml", "name: main\nincludes:\n  - file: common.yaml\nconfig:\n  topology.workers: 2\n");
        var flux = FluxTopology.Load(main, new FluxOptions { Properties = new Dictionary<string, string> { ["p"] = "3" } });

        var copy = _files.Write("copy/topology.yaml", flux.SaveResolved());
        var reloaded = FluxTopology.Load(copy, new FluxOptions { Environment = _ => null });

        reloaded.Name.ShouldBe("main");
        reloaded.Configuration["topology.workers"].ShouldBe(2);
        reloaded.Build(new Config()).ById["s"].Executors.ShouldBe(3);
    }
}
