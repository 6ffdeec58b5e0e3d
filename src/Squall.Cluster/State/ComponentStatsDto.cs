using Squall.Runtime.Metrics;

namespace Squall.Cluster.State;

/// <summary>A component's counters on the wire (heartbeats and the HTTP API).</summary>
internal sealed record ComponentStatsDto(string ComponentId, long Emitted, long Executed, long Acked, long Failed, long TimedOut)
{
    public static ComponentStatsDto From(ComponentStats stats) =>
        new(stats.ComponentId, stats.Emitted, stats.Executed, stats.Acked, stats.Failed, stats.TimedOut);

    public static List<ComponentStatsDto> Sum(IEnumerable<ComponentStatsDto> stats) =>
    [
        .. stats.GroupBy(s => s.ComponentId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ComponentStatsDto(g.Key, g.Sum(s => s.Emitted), g.Sum(s => s.Executed), g.Sum(s => s.Acked), g.Sum(s => s.Failed), g.Sum(s => s.TimedOut))),
    ];
}
