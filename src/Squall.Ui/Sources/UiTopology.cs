using Squall.Runtime.Metrics;

namespace Squall.Ui.Sources;

/// <summary>A topology as the UI needs it, whichever source (a local cluster or Nimbus) it came from.</summary>
internal sealed record UiTopology(
    string Id,
    string Name,
    string Status,
    long UptimeSeconds,
    int WorkersTotal,
    IReadOnlyDictionary<string, string> Conf,
    IReadOnlyList<UiWorker> Workers,
    IReadOnlyList<UiReport> Reports)
{
    public IReadOnlyList<ComponentShape> Components => Reports.Count > 0 ? Reports[0].Report.Components : [];

    public int MessageTimeoutSecs => Conf.TryGetValue(Config.TopologyMessageTimeoutSecs, out var v) && int.TryParse(v, out var n) ? n : 30;
}
