using Squall.Cli.Scaffold;
using Squall.Cli.Tests.Support;

namespace Squall.Cli.Tests.Scaffold;

/// <summary>What <c>squall new</c> writes, from the templates embedded in the executable (building and running it: <c>PackagedScaffoldTests</c>).</summary>
[Trait("Category", "Unit")]
public sealed class ProjectTemplateTests : IDisposable
{
    private readonly TempDir _dir = new("squall-new-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_csharp_project_has_a_spout_a_bolt_a_topology_source_and_a_test_project_named_after_it()
    {
        var files = ProjectTemplate.For("csharp").WriteTo(_dir.Path("out"), "Acme.Orders", "1.2.3");

        files.Select(f => f.Replace('\\', '/')).ShouldBe(
        [
            ".gitignore", "Acme.Orders.Tests/Acme.Orders.Tests.csproj", "Acme.Orders.Tests/WordCountTopologyTests.cs", "Acme.Orders.slnx",
            "Acme.Orders/Acme.Orders.csproj", "Acme.Orders/GlobalUsings.cs", "Acme.Orders/WordCountBolt.cs", "Acme.Orders/WordCountTopology.cs",
            "Acme.Orders/WordSpout.cs", "Directory.Build.props", "README.md",
        ], ignoreOrder: true);
        var source = File.ReadAllText(_dir.Path("out", "Acme.Orders", "WordCountTopology.cs"));
        source.ShouldContain("namespace Acme.Orders;");
        source.ShouldContain("public sealed class WordCountTopology : ITopologySource");
        source.ShouldContain("public string Name => \"Acme.Orders\";");
        File.ReadAllText(_dir.Path("out", "Directory.Build.props")).ShouldContain("<SquallVersion>1.2.3</SquallVersion>");
        File.ReadAllText(_dir.Path("out", "Acme.Orders", "Acme.Orders.csproj")).ShouldContain("""<PackageReference Include="Squall" Version="$(SquallVersion)" />""");
        foreach (var file in files)
        {
            var text = File.ReadAllText(_dir.Path("out", file));
            text.ShouldNotContain("SquallApp", customMessage: file);
            text.ShouldNotContain("SQUALL_", customMessage: file);
        }
    }

    [Fact]
    public void A_python_project_is_a_yaml_topology_with_python_components()
    {
        var files = ProjectTemplate.For("python").WriteTo(_dir.Path("py"), "Words", "1.2.3");

        files.Select(f => f.Replace('\\', '/')).ShouldBe(["README.md", "resources/count.py", "resources/words.py", "topology.yaml"], ignoreOrder: true);
        var yaml = File.ReadAllText(_dir.Path("py", "topology.yaml"));
        yaml.ShouldContain("name: \"Words\"");
        yaml.ShouldContain("script: \"words.py\"");
        yaml.ShouldContain("script: \"count.py\"");
    }

    [Theory]
    [InlineData("my-app", "'my-app' cannot name a project")]
    [InlineData("1st", "'1st' cannot name a project")]
    [InlineData("a..b", "'a..b' cannot name a project")]
    [InlineData("Squall", "'Squall' is taken by Squall's own packages")]
    [InlineData("squall.extras", "'squall.extras' is taken by Squall's own packages")]
    public void A_name_that_cannot_be_a_namespace_or_a_package_is_refused_with_the_reason(string name, string message) =>
        Should.Throw<ArgumentException>(() => ProjectTemplate.ValidateName(name)).Message.ShouldStartWith(message);

    [Theory]
    [InlineData("Demo")]
    [InlineData("Acme.Orders_2")]
    public void A_name_that_can_be_a_namespace_is_taken_as_it_is(string name) => ProjectTemplate.ValidateName(name).ShouldBe(name);

    [Fact]
    public void An_unknown_language_is_refused_naming_the_known_ones() =>
        Should.Throw<ArgumentException>(() => ProjectTemplate.For("cobol")).Message.ShouldBe("Unknown --lang 'cobol'; use one of: csharp, python.");

    [Fact]
    public void A_folder_that_is_not_empty_is_left_alone()
    {
        Directory.CreateDirectory(_dir.Path("taken"));
        File.WriteAllText(_dir.Path("taken", "keep.txt"), "mine");

        Should.Throw<IOException>(() => ProjectTemplate.For("csharp").WriteTo(_dir.Path("taken"), "Demo", "1.2.3")).Message.ShouldContain("already exists and is not empty");
        Directory.GetFileSystemEntries(_dir.Path("taken")).Length.ShouldBe(1);
    }

    [Fact]
    public void The_source_option_writes_a_nuget_config_with_the_feed_as_an_absolute_path()
    {
        Directory.CreateDirectory(_dir.Path("p"));
        NuGetConfig.Write(_dir.Path("p"), _dir.Path("feed"));

        File.ReadAllText(_dir.Path("p", NuGetConfig.FileName)).ShouldContain($"""<add key="squall" value="{_dir.Path("feed")}" />""");
    }
}
