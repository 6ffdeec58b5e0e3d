using Squall.ZooKeeper.Tests.Infrastructure;

namespace Squall.ZooKeeper.Tests.Integration;

[Collection(ZooKeeperCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MultiTests(ZooKeeperFixture fixture) : ChrootedTest(fixture)
{
    [Fact]
    public async Task Multi_applies_checks_creates_sets_and_deletes_together()
    {
        await Client.CreateAsync("/checked", Bytes("c"));
        await Client.CreateAsync("/doomed", Bytes("d"));
        await Client.CreateAsync("/queue", ReadOnlyMemory<byte>.Empty);

        var results = await Client.MultiAsync(
        [
            Op.Check("/checked", 0),
            Op.Create("/created", Bytes("new")),
            Op.Create("/queue/item-", Bytes("q"), CreateMode.PersistentSequential),
            Op.SetData("/checked", Bytes("c2"), 0),
            Op.Delete("/doomed", 0),
        ]);

        results.Select(r => r.Kind).ShouldBe([OpKind.Check, OpKind.Create, OpKind.Create, OpKind.SetData, OpKind.Delete]);
        results.ShouldAllBe(r => r.Error == ErrorCode.Ok);
        results[1].Path.ShouldBe("/created");
        results[2].Path.ShouldBe("/queue/item-0000000000");
        results[3].Stat!.Version.ShouldBe(1);
        (await Client.GetDataAsync("/created")).Data.ShouldBe(Bytes("new"));
        (await Client.GetDataAsync("/checked")).Data.ShouldBe(Bytes("c2"));
        (await Client.ExistsAsync("/doomed")).ShouldBeNull();
    }

    [Fact]
    public async Task Multi_with_one_failing_op_changes_nothing_and_reports_each_op()
    {
        await Client.CreateAsync("/existing", Bytes("old"));

        var error = await Should.ThrowAsync<BadVersionException>(() => Client.MultiAsync(
        [
            Op.Create("/new", Bytes("new")),
            Op.SetData("/existing", Bytes("changed")),
            Op.Check("/existing", 42),
            Op.Delete("/existing"),
        ]));

        error.Path.ShouldBe("/existing");
        error.Results.ShouldNotBeNull();
        error.Results.Select(r => r.Error).ShouldBe(
            [ErrorCode.Ok, ErrorCode.Ok, ErrorCode.BadVersion, ErrorCode.RuntimeInconsistency]);
        (await Client.ExistsAsync("/new")).ShouldBeNull();
        var existing = await Client.GetDataAsync("/existing");
        existing.Data.ShouldBe(Bytes("old"));
        existing.Stat.Version.ShouldBe(0);
    }

    [Fact]
    public async Task Multi_failing_on_a_missing_node_throws_NoNode()
    {
        var error = await Should.ThrowAsync<NoNodeException>(() => Client.MultiAsync(
        [
            Op.Create("/a", Bytes("a")),
            Op.Delete("/missing"),
        ]));

        error.Results!.Count.ShouldBe(2);
        (await Client.ExistsAsync("/a")).ShouldBeNull();
    }
}
