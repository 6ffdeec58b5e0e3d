namespace Squall.ZooKeeper.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class PathValidationTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/a")]
    [InlineData("/a/b.c/d-e")]
    public void Accepts_valid_paths(string path) => PathValidation.Validate(path, "path");

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("/a/")]
    [InlineData("/a//b")]
    [InlineData("/a/./b")]
    [InlineData("/a/..")]
    public void Rejects_invalid_paths(string path) =>
        Should.Throw<ArgumentException>(() => PathValidation.Validate(path, "path"));

    [Fact]
    public void A_sequential_create_may_end_with_a_slash() =>
        PathValidation.Validate("/queue/", "path", sequential: true);

    [Theory]
    [InlineData("/a", "/")]
    [InlineData("/a/b/c", "/a/b")]
    public void Parent_of(string path, string parent) => PathValidation.Parent(path).ShouldBe(parent);
}
