using Squall.Flux.Loading;
using Squall.Flux.Tests.Support;

namespace Squall.Flux.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class PropertiesFileTests
{
    [Fact]
    public void Reads_equals_and_colon_pairs_skipping_comments()
    {
        using var files = new YamlFiles();
        var path = files.Write("dev.properties", "# comment\n! also\n\na.b = 1\nhost: localhost:9092\n");

        var properties = PropertiesFile.Read(path);

        properties.ShouldBe(new Dictionary<string, string> { ["a.b"] = "1", ["host"] = "localhost:9092" });
    }

    [Fact]
    public void A_line_without_separator_is_an_error_at_its_line()
    {
        using var files = new YamlFiles();
        var path = files.Write("bad.properties", "a=1\njunk\n");

        Should.Throw<FluxException>(() => PropertiesFile.Read(path)).Line.ShouldBe(2);
    }
}
