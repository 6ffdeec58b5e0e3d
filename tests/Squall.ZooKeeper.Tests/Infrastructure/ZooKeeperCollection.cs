namespace Squall.ZooKeeper.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ZooKeeperCollection : ICollectionFixture<ZooKeeperFixture>
{
    public const string Name = "ZooKeeper server";
}
