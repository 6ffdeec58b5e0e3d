namespace Squall.ZooKeeper.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData(ErrorCode.NoNode, typeof(NoNodeException))]
    [InlineData(ErrorCode.NodeExists, typeof(NodeExistsException))]
    [InlineData(ErrorCode.BadVersion, typeof(BadVersionException))]
    [InlineData(ErrorCode.NotEmpty, typeof(NotEmptyException))]
    [InlineData(ErrorCode.NoChildrenForEphemerals, typeof(NoChildrenForEphemeralsException))]
    [InlineData(ErrorCode.SessionExpired, typeof(SessionExpiredException))]
    [InlineData(ErrorCode.ConnectionLoss, typeof(ConnectionLossException))]
    [InlineData(ErrorCode.InvalidAcl, typeof(InvalidAclException))]
    [InlineData(ErrorCode.NoAuth, typeof(NoAuthException))]
    [InlineData(ErrorCode.BadArguments, typeof(BadArgumentsException))]
    [InlineData(ErrorCode.Throttled, typeof(ZooKeeperException))]
    public void Each_error_code_maps_to_its_exception_type_and_keeps_the_code(ErrorCode code, Type expected)
    {
        var exception = ZooKeeperException.Create(code, "/path");

        exception.GetType().ShouldBe(expected);
        exception.Code.ShouldBe(code);
        exception.Message.ShouldContain(code.ToString());
    }

    [Fact]
    public void Node_errors_carry_the_path()
    {
        ZooKeeperException.Create(ErrorCode.NoNode, "/a/b").Path.ShouldBe("/a/b");
    }
}
