using Squall.Runtime.EventLogging;
using Squall.Runtime.Metrics;
using Squall.Runtime.TupleTrees;

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

    /// <summary>The debug options the workers sample by (they all get the same).</summary>
    public DebugOptions Debug => Reports.Count > 0 ? Reports[0].Report.Debug : DebugOptions.Off;

    /// <summary>False when <c>topology.eventlogger.executors</c> is 0.</summary>
    public bool EventLoggingEnabled => Reports.Count == 0 || Reports[0].Report.EventLoggingEnabled;

    /// <summary>Every worker's sampled events, oldest first.</summary>
    public IEnumerable<SampledEvent> Events => Reports.SelectMany(r => r.Report.Events).OrderBy(e => e.Time);

    /// <summary>
    /// The last failed tuple trees of every worker's spouts, each joined from the parts its workers recorded,
    /// oldest first: at most a worker's worth
    /// (<see cref="FailedTree.Kept"/>) for the whole topology.
    /// </summary>
    public IEnumerable<FailedTree> FailedTrees => FailedTreeMerge.Merge(Reports.SelectMany(r => r.Report.FailedTrees)).TakeLast(FailedTree.Kept);

    public int MessageTimeoutSecs => Conf.TryGetValue(Config.TopologyMessageTimeoutSecs, out var v) && int.TryParse(v, out var n) ? n : 30;
}
