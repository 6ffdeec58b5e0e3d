using Squall.Flux.Tests.Support;

namespace Squall.Flux.Tests.Unit;

/// <summary>Building components from YAML: constructors, references, properties, config methods, enums, config.</summary>
[Trait("Category", "Unit")]
public sealed class FluxLoadingTests : IDisposable
{
    private const string Spout = "Squall.Flux.Tests.Support.ConfigurableSpout";
    private const string Bolt = "Squall.Flux.Tests.Support.PassBolt";
    private readonly YamlFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Constructor_arguments_are_converted_to_the_parameters_types()
    {
        var spout = BuildSpout($"""
            spouts:
              - id: s
                className: {Spout}
                constructorArgs: ["words", 5000000000, [a, b], MB]
            """);

        spout.Name.ShouldBe("words");
        spout.Size.ShouldBe(5_000_000_000L);
        spout.Tags.ShouldBe(["a", "b"]);
        spout.Unit.ShouldBe(SizeUnit.Mb);
    }

    [Fact]
    public void References_properties_fields_setters_and_config_methods_are_applied_in_order()
    {
        var spout = BuildSpout($$"""
            components:
              - id: settings
                className: Squall.Flux.Tests.Support.Settings
                constructorArgs: [db.local, 5432]
                properties:
                  - name: timeout
                    value: "00:00:30"
                  - name: unit
                    value: kb
              - id: other
                className: Squall.Flux.Tests.Support.Settings
                constructorArgs: [other, 1]
            spouts:
              - id: s
                className: {{Spout}}
                constructorArgs:
                  - ref: settings
                properties:
                  - name: level
                    value: 3
                  - name: ratio
                    value: 0.5
                  - name: colour
                    value: red
                configMethods:
                  - name: withNothing
                  - name: withPair
                    args: [x, 7]
                  - name: withWeights
                    args:
                      - { a: 1, b: 2 }
                  - name: withAll
                    args:
                      - reflist: [settings, other]
            """);

        spout.Settings!.Host.ShouldBe("db.local");
        spout.Settings.Port.ShouldBe(5432);
        spout.Settings.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        spout.Settings.Unit.ShouldBe(SizeUnit.Kb);
        spout.Level.ShouldBe(3);
        spout.Ratio.ShouldBe(0.5);
        spout.Calls.ShouldBe(["colour=red", "nothing", "x:7"]);
        spout.Weights.ShouldBe(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 });
        spout.All.Select(s => s.Host).ShouldBe(["db.local", "other"]);
        spout.All[0].ShouldBeSameAs(spout.Settings, "a component is shared by the references of one task");
    }

    [Fact]
    public void Each_task_gets_its_own_instance_and_its_own_components()
    {
        var topology = Load($$"""
            components:
              - id: settings
                className: Squall.Flux.Tests.Support.Settings
                constructorArgs: [h, 1]
            spouts:
              - id: s
                className: {{Spout}}
                constructorArgs: [{ ref: settings }]
            """).Build(new Config());

        var first = (ConfigurableSpout)topology.ById["s"].Factory();
        var second = (ConfigurableSpout)topology.ById["s"].Factory();

        first.ShouldNotBeSameAs(second);
        first.Settings.ShouldNotBeSameAs(second.Settings);
    }

    [Fact]
    public void Config_sections_fill_the_topology_config_under_command_line_values()
    {
        var flux = Load($"""
            config:
              topology.workers: 2
              topology.debug: true
              my.list: [a, b]
              my.name: "007"
            spouts:
              - id: s
                className: {Spout}
                parallelism: 2
                numTasks: 4
                config:
                  topology.max.spout.pending: 10
            """);
        var conf = new Config { ["topology.workers"] = 3 };

        var topology = flux.Build(conf);

        conf["topology.workers"].ShouldBe(3);
        conf["topology.debug"].ShouldBe(true);
        conf["my.list"].ShouldBe(new List<object?> { "a", "b" });
        conf["my.name"].ShouldBe("007");
        topology.ById["s"].Executors.ShouldBe(2);
        topology.ById["s"].NumTasks.ShouldBe(4);
        topology.ById["s"].Configuration["topology.max.spout.pending"].ShouldBe(10);
    }

    [Theory]
    [InlineData("SHUFFLE", GroupingKind.Shuffle)]
    [InlineData("LOCAL_OR_SHUFFLE", GroupingKind.LocalOrShuffle)]
    [InlineData("FIELDS", GroupingKind.Fields)]
    [InlineData("PARTIAL_KEY", GroupingKind.PartialKey)]
    [InlineData("ALL", GroupingKind.All)]
    [InlineData("GLOBAL", GroupingKind.Global)]
    [InlineData("NONE", GroupingKind.None)]
    [InlineData("CUSTOM", GroupingKind.Custom)]
    public void Every_grouping_type_maps_to_its_grouping(string type, GroupingKind expected)
    {
        var topology = Load($"""
            spouts:
              - id: s
                className: {Spout}
            bolts:
              - id: b
                className: {Bolt}
                parallelism: 2
            streams:
              - from: s
                to: b
                grouping:
                  type: {type}
                  args: [word]
                  {(type == "CUSTOM" ? "customClass: { className: Squall.Flux.Tests.Support.FirstTaskGrouping, constructorArgs: [1] }" : string.Empty)}
            """).Build(new Config());

        var subscription = topology.ById["b"].Subscriptions.ShouldHaveSingleItem();
        subscription.Kind.ShouldBe(expected);
        subscription.SourceComponent.ShouldBe("s");
        if (expected is GroupingKind.Fields or GroupingKind.PartialKey)
        {
            subscription.GroupingFields!.ToList().ShouldBe(["word"]);
        }

        if (expected is GroupingKind.Custom)
        {
            subscription.CustomFactory!().ShouldBeOfType<FirstTaskGrouping>().Offset.ShouldBe(1);
        }
    }

    [Fact]
    public void Direct_grouping_and_named_streams_are_wired()
    {
        var topology = Load($$"""
            spouts:
              - id: s
                className: {{Spout}}
            bolts:
              - id: a
                className: {{Bolt}}
                constructorArgs: [[default, other]]
              - id: b
                className: {{Bolt}}
            streams:
              - from: s
                to: a
                grouping: { type: SHUFFLE }
              - from: a
                to: b
                grouping: { type: SHUFFLE, streamId: other }
            """).Build(new Config());

        topology.ById["b"].Subscriptions.ShouldHaveSingleItem().StreamId.ShouldBe("other");
    }

    [Fact]
    public void Storm_shell_components_and_the_shell_shorthand_become_shell_components()
    {
        var topology = Load("""
            spouts:
              - id: s
                className: org.apache.storm.flux.wrappers.spouts.FluxShellSpout
                constructorArgs: [[node, spout.js], [sentence]]
            bolts:
              - id: b
                shell: { command: python3, script: split.py, fields: [word], streams: { errors: [reason] }, env: { A: "1" } }
            streams:
              - from: s
                to: b
                grouping: { type: SHUFFLE }
            """).Build(new Config());

        var spout = topology.ById["s"].Factory().ShouldBeOfType<Squall.Multilang.ShellSpout>();
        spout.Command.ShouldBe("node");
        spout.Script.ShouldBe("spout.js");
        spout.ResourcesDirectory.ShouldBe(_files.Root);
        var bolt = topology.ById["b"].Factory().ShouldBeOfType<Squall.Multilang.ShellBolt>();
        bolt.Command.ShouldBe("python3");
        topology.ById["b"].Streams.Keys.ShouldBe(["default", "errors"], ignoreOrder: true);
        topology.ById["s"].Streams["default"].Fields.ToList().ShouldBe(["sentence"]);
    }

    private ConfigurableSpout BuildSpout(string spouts) =>
        (ConfigurableSpout)Load(spouts).Build(new Config()).ById["s"].Factory();

    private FluxTopology Load(string body) => FluxTopology.Load(_files.Write("t.yaml", "name: test\n" + body));
}
