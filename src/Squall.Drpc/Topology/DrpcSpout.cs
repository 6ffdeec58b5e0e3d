using System.Collections.Concurrent;
using Squall.Drpc.Invocations;
using Squall.Drpc.Topology;

namespace Squall.Drpc;

/// <summary>
/// The spout of a DRPC topology (Storm's <c>DRPCSpout</c>): pulls the requests of one function from the DRPC
/// servers in <c>drpc.servers</c> (or from a <see cref="LocalDrpc"/>) and emits each as
/// <c>("args", "return-info")</c>, tracked. When the request's tuple tree fails, the server is told at once,
/// with the reason (which component failed it, or that it timed out), and answers the caller with it.
/// <para>With fewer tasks than servers each task pulls from every server; otherwise task i pulls from
/// server i mod n, so every server is served and no task polls idly (as Storm).</para>
/// </summary>
public sealed class DrpcSpout : BaseRichSpout
{
    private const int EmitsPerCall = 256;
    private readonly LocalDrpc? _local;
    private readonly List<DrpcServerLink> _links = [];
    private readonly ConcurrentQueue<string> _problems = new();
    private SpoutOutputCollector? _collector;

    /// <summary>A spout for <paramref name="function"/> on the servers of <c>drpc.servers</c>.</summary>
    public DrpcSpout(string function)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        Function = function;
    }

    /// <summary>A spout for <paramref name="function"/> on an in-process <see cref="LocalDrpc"/>.</summary>
    public DrpcSpout(string function, LocalDrpc drpc)
        : this(function)
    {
        ArgumentNullException.ThrowIfNull(drpc);
        _local = drpc;
    }

    public string Function { get; }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        declarer.Declare(new Fields("args", "return-info"));
    }

    public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(context);
        _collector = collector;
        if (_local is not null)
        {
            _links.Add(new DrpcServerLink(new LocalDrpc.Handle(_local.Engine), _local.ServiceId, 0, _problems.Enqueue));
        }
        else
        {
            var options = DrpcOptions.FromConfig(conf);
            if (options.Servers.Count == 0)
            {
                throw new InvalidOperationException(
                    $"DrpcSpout('{Function}') has no server: set {DrpcKeys.Servers} (and {DrpcKeys.InvocationsToken}) in the topology's config, e.g. in the squall.yaml you submit from, or run it with a LocalDrpc.");
            }

            var tasks = context.GetComponentTasks(context.ThisComponentId).Count;
            var mine = tasks < options.Servers.Count
                ? options.Servers
                : [options.Servers[context.ThisTaskIndex % options.Servers.Count]];
            foreach (var server in mine)
            {
                _links.Add(new DrpcServerLink(new HttpDrpcInvocations(server, options.InvocationsToken), server.Host, server.Port, _problems.Enqueue));
            }
        }

        foreach (var link in _links)
        {
            link.StartFetching(Function);
        }
    }

    public override void NextTuple()
    {
        while (_problems.TryDequeue(out var problem))
        {
            _collector!.ReportError(new DrpcException(DrpcErrorKind.Unavailable, problem));
        }

        for (var i = 0; i < _links.Count; i++)
        {
            var link = _links[i];
            for (var n = 0; n < EmitsPerCall && link.Inbox.TryDequeue(out var request); n++)
            {
                var returnInfo = new ReturnInfo(request.Id, link.ReturnHost, link.ReturnPort).Format();
                _collector!.Emit(new Values(request.Args, returnInfo), new DrpcMessageId(request.Id, i));
            }
        }
    }

    public override void Fail(object messageId) => Fail(messageId, new FailureReason(FailureKind.Failed, null, -1, null));

    public override void Fail(object messageId, FailureReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (messageId is DrpcMessageId id)
        {
            _links[id.Server].Return(DrpcReturn.Failure(id.RequestId, reason.Kind == FailureKind.TimedOut || reason.ComponentId is not null ? reason.ToString() : "the request's tuple tree failed"));
        }
    }

    public override void Activate() => _links.ForEach(l => l.Active = true);

    public override void Deactivate() => _links.ForEach(l => l.Active = false);

    public override void Close()
    {
        foreach (var link in _links)
        {
            link.Dispose();
        }

        _links.Clear();
    }
}
