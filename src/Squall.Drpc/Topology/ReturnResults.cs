using System.Globalization;
using Squall.Drpc.Invocations;
using Squall.Drpc.Topology;

namespace Squall.Drpc;

/// <summary>
/// The last bolt of a DRPC topology (Storm's <c>ReturnResults</c>): takes <c>(result, return-info)</c> and
/// sends the result to the DRPC server the request came from. Like Storm, it only sends to servers listed
/// in <c>drpc.servers</c> (or to a live <see cref="LocalDrpc"/>), so a forged return info cannot make it
/// send the invocations token elsewhere.
/// </summary>
public sealed class ReturnResults : BaseRichBolt
{
    private readonly Dictionary<(string Host, int Port), DrpcServerLink> _links = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _problems = new();
    private DrpcOptions _options = new();
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
        _collector = collector;
        _options = DrpcOptions.FromConfig(conf);
    }

    public override void Execute(Tuple input)
    {
        ArgumentNullException.ThrowIfNull(input);
        while (_problems.TryDequeue(out var problem))
        {
            _collector!.ReportError(new DrpcException(DrpcErrorKind.Unavailable, problem));
        }

        ReturnInfo info;
        try
        {
            info = ReturnInfo.Parse(input.GetString(1));
        }
        catch (FormatException e)
        {
            _collector!.Fail(input, e.Message);
            return;
        }

        if (Link(info) is not { } link)
        {
            _collector!.Fail(input, info.IsLocal
                ? $"the LocalDrpc '{info.Host}' of this request is gone"
                : $"return info names {info.Host}:{info.Port}, which is not in {DrpcKeys.Servers}");
            return;
        }

        link.Return(DrpcReturn.Success(info.Id, ToText(input.GetValue(0))));
        _collector!.Ack(input);
    }

    public override void Cleanup()
    {
        foreach (var link in _links.Values)
        {
            link.Dispose();
        }

        _links.Clear();
    }

    internal static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private DrpcServerLink? Link(ReturnInfo info)
    {
        if (_links.TryGetValue((info.Host, info.Port), out var link))
        {
            return link;
        }

        IDrpcInvocations? invocations = info.IsLocal
            ? LocalDrpc.Find(info.Host)
            : _options.Servers.Contains(new DrpcServerAddress(info.Host, info.Port))
                ? new HttpDrpcInvocations(new DrpcServerAddress(info.Host, info.Port), _options.InvocationsToken)
                : null;
        if (invocations is null)
        {
            return null;
        }

        return _links[(info.Host, info.Port)] = new DrpcServerLink(invocations, info.Host, info.Port, _problems.Enqueue);
    }
}
