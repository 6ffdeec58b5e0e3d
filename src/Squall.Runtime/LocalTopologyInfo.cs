using Squall.Runtime.Metrics;

namespace Squall.Runtime;

/// <summary>A topology running in a <see cref="LocalCluster"/>, as the UI shows it.</summary>
/// <param name="Name">Its name (also its id in local mode).</param>
/// <param name="Active">Whether its spouts are being called.</param>
/// <param name="Started">When it was submitted.</param>
/// <param name="Workers">Its worker count.</param>
/// <param name="Conf">Its configuration.</param>
/// <param name="Reports">One stats report per worker.</param>
public sealed record LocalTopologyInfo(
    string Name,
    bool Active,
    DateTimeOffset Started,
    int Workers,
    IReadOnlyDictionary<string, object?> Conf,
    IReadOnlyList<WorkerStatsReport> Reports);
