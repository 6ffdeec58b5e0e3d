using Squall.Flux.Loading;

namespace Squall.Flux.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class SubstitutionTests
{
    private static readonly Dictionary<string, string> Properties = new() { ["kafka.hosts"] = "h1:9092", ["n"] = "4" };

    private static string? Env(string name) => name switch { "ZK" => "zk:2181", "n" => "from-env", "ONLY_ENV" => "e", _ => null };

    [Fact]
    public void Properties_environment_and_ENV_prefix_are_filled_in_place()
    {
        var text = "hosts: ${kafka.hosts}\nparallelism: ${n}\nzk: \"${ENV-ZK}/root\"\nplain: ${ONLY_ENV}\n";

        Substitution.Apply(text, "t.yaml", Properties, Env)
            .ShouldBe("hosts: h1:9092\nparallelism: 4\nzk: \"zk:2181/root\"\nplain: e\n");
    }

    [Fact]
    public void An_undefined_name_fails_at_its_line_and_column()
    {
        var error = Should.Throw<FluxException>(() => Substitution.Apply("a: 1\nb: x ${missing}\n", "t.yaml", Properties, Env));

        error.Line.ShouldBe(2);
        error.Column.ShouldBe(6);
        error.Message.ShouldStartWith("t.yaml:2:6:");
        error.Message.ShouldContain("${missing}");
    }

    [Fact]
    public void An_unset_environment_variable_is_named()
    {
        Should.Throw<FluxException>(() => Substitution.Apply("a: ${ENV-NOPE}", "t.yaml", Properties, Env))
            .Message.ShouldContain("'NOPE' is not set");
    }

    [Fact]
    public void Placeholders_in_comments_are_left_alone()
    {
        var text = "# set ${anything} here\na: 1 # or ${this}\n";

        Substitution.Apply(text, "t.yaml", Properties, Env).ShouldBe(text);
    }

    [Fact]
    public void An_unclosed_placeholder_is_an_error()
    {
        Should.Throw<FluxException>(() => Substitution.Apply("a: ${oops", "t.yaml", Properties, Env)).Message.ShouldContain("no closing");
    }
}
