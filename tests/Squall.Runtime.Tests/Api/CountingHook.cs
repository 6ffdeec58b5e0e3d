namespace Squall.Runtime.Tests.Api;

/// <summary>A hook created by type name (topology.auto.task.hooks): records into a queue keyed by the test's id.</summary>
public sealed class CountingHook : BaseTaskHook
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> ById = new();
    private ConcurrentQueue<string> _events = new();

    public static IReadOnlyList<string> Events(string id) => [.. ById.GetOrAdd(id, _ => new())];

    public override void Prepare(Config conf, TopologyContext context)
    {
        _events = ById.GetOrAdd(conf.GetString("test.hook.id")!, _ => new());
        _events.Enqueue($"prepare {context.ThisComponentId}");
    }

    public override void SpoutAck(SpoutAckInfo info) => _events.Enqueue("spout-ack");

    public override void SpoutFail(SpoutFailInfo info) => _events.Enqueue($"spout-fail {info.Reason}");

    public override void BoltFail(BoltFailInfo info) => _events.Enqueue($"bolt-fail {info.Reason}");
}
