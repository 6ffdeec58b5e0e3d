using Squall.Runtime.Tests.Support;

namespace Squall.Runtime.Tests.Acking;

[Trait("Category", "Integration")]
public sealed class FailureReasonTests
{
    [Fact]
    public void A_bolt_Fail_reaches_the_spout_with_component_task_and_reason()
    {
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(20), new Fields("n"), log));
        builder.SetBolt("judge", () => new FailingBolt(n => n % 4 == 0, "divisible by four"), 2).FieldsGrouping("spout", new Fields("n"));
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("fail", new Config(), builder.CreateTopology());

        Wait.Until(() => log.AckCount + log.Fails.Count == 20, "a verdict for all 20 messages");
        cluster.KillTopology("fail");

        log.Fails.Select(f => (int)f.MessageId).Order().ShouldBe([0, 4, 8, 12, 16]);
        foreach (var (_, reason) in log.Fails)
        {
            reason.ShouldNotBeNull();
            reason.Kind.ShouldBe(FailureKind.Failed);
            reason.ComponentId.ShouldBe("judge");
            reason.TaskId.ShouldBeOneOf(1, 2);
            reason.Message.ShouldBe("divisible by four");
        }

        log.Acks.Count.ShouldBe(15);
    }

    [Fact]
    public void A_basic_bolt_throwing_FailedException_fails_the_tree_with_its_message_and_reports_no_error()
    {
        var log = new SpoutLog();
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new FixedSpout(Clusters.Numbers(10), new Fields("n"), log));
        builder.SetBolt("basic", () => new RejectingBasicBolt()).ShuffleGrouping("spout");
        using var cluster = Clusters.Create();
        cluster.SubmitTopology("basic", new Config(), builder.CreateTopology());

        Wait.Until(() => log.AckCount + log.Fails.Count == 10, "a verdict for all 10 messages");
        var errors = cluster.GetErrors("basic");
        cluster.KillTopology("basic");

        log.Fails.OrderBy(f => (int)f.MessageId).ShouldBe([.. new[] { 1, 3, 5, 7, 9 }.Select(n =>
            ((object)n, (FailureReason?)new FailureReason(FailureKind.Failed, "basic", 1, $"odd number {n}")))]);
        errors.ShouldBeEmpty();
    }
}
