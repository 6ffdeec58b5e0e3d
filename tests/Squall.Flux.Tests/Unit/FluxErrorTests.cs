using Squall.Flux.Tests.Support;

namespace Squall.Flux.Tests.Unit;

/// <summary>Every mistake in a YAML topology is reported at its file, line and column, naming what was expected.</summary>
[Trait("Category", "Unit")]
public sealed class FluxErrorTests : IDisposable
{
    private const string Spout = "Squall.Flux.Tests.Support.ConfigurableSpout";
    private readonly YamlFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("spouts:\n  - id: s\n    className: No.Such.Type\n", 3, "'No.Such.Type' was not found")]
    [InlineData("spouts:\n  - id: s\n    clasName: X\n", 4, "unknown key 'clasName' in a spout")]
    [InlineData("spouts:\n  - id: s\n    className: " + Spout + "\n    constructorArgs: [1, 2, 3]\n", 3, "no public constructor of 'Squall.Flux.Tests.Support.ConfigurableSpout' accepts [1, 2, 3]")]
    [InlineData("spouts:\n  - id: s\n    className: " + Spout + "\n    properties:\n      - name: nope\n        value: 1\n", 6, "no settable property or public field 'nope'")]
    [InlineData("spouts:\n  - id: s\n    className: " + Spout + "\n    properties:\n      - name: ratio\n        value: abc\n", 6, "property 'ratio' is a Double")]
    [InlineData("spouts:\n  - id: s\n    className: " + Spout + "\n    configMethods:\n      - name: withPair\n        args: [a]\n", 6, "no overload of 'withPair' accepts a")]
    [InlineData("spouts:\n  - id: s\n    className: " + Spout + "\n    constructorArgs: [{ ref: missing }]\n", 3, "no component has the id 'missing'")]
    [InlineData("spouts:\n  - id: s\n    className: " + Spout + "\nstreams:\n  - from: s\n    to: ghost\n    grouping: { type: SHUFFLE }\n", 6, "goes to 'ghost', which is not a bolt")]
    [InlineData("spouts:\n  - id: s\n    className: " + Spout + "\nbolts:\n  - id: b\n    className: Squall.Flux.Tests.Support.PassBolt\nstreams:\n  - from: s\n    to: b\n    grouping: { type: SHUFLE }\n", 11, "unknown grouping type 'SHUFLE'")]
    [InlineData("spouts:\n  - id: s\n    className: " + Spout + "\nbolts:\n  - id: b\n    className: Squall.Flux.Tests.Support.PassBolt\nstreams:\n  - from: s\n    to: b\n    grouping: { type: FIELDS }\n", 11, "needs 'args'")]
    [InlineData("spouts:\n  - id: s\n    className: Squall.Flux.Tests.Support.PassBolt\n", 3, "is not a spout")]
    [InlineData("spouts:\n  - id: s\n    parallelism: many\n    className: " + Spout + "\n", 4, "'parallelism' must be a whole number")]
    [InlineData("spouts:\n  - id: s\n    shell: { command: python3 }\n", 4, "has no 'script'")]
    [InlineData("bolts: [\n", 3, "not valid YAML")]
    public void Mistakes_point_at_their_line(string body, int line, string problem)
    {
        var path = _files.Write("t.yaml", "name: test\n" + body);

        var error = Should.Throw<FluxException>(() => FluxTopology.Load(path));

        error.Message.ShouldContain(problem);
        error.File.ShouldBe(path);
        error.Line.ShouldBe(line);
        error.Message.ShouldStartWith($"{path}:{line}:");
    }

    [Fact]
    public void A_topology_the_validator_rejects_names_the_file_and_the_component()
    {
        var path = _files.Write("t.yaml", "name: test\nspouts:\n  - id: s\n    className: " + Spout + "\nbolts:\n  - id: b\n    className: Squall.Flux.Tests.Support.PassBolt\nstreams:\n  - from: s\n    to: b\n    grouping: { type: FIELDS, args: [wrd] }\n");

        var error = Should.Throw<FluxException>(() => FluxTopology.Load(path));

        error.Message.ShouldStartWith(path);
        error.Message.ShouldContain("'wrd'");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        Should.Throw<FluxException>(() => FluxTopology.Load(Path.Combine(_files.Root, "none.yaml"))).Message.ShouldContain("does not exist");
    }
}
