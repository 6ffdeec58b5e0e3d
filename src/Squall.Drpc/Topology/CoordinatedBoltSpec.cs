namespace Squall.Drpc.Topology;

/// <summary>
/// How one user bolt of a linear DRPC topology is coordinated: what it wraps (a batch bolt factory, or a
/// basic bolt), who feeds it (<see cref="SingleUpstream"/>: only one upstream task reports per request, as
/// for PrepareRequest) and whom it reports to (<see cref="DirectCoord"/>: to every downstream task directly,
/// or, into JoinResult, grouped by request id).
/// </summary>
internal sealed record CoordinatedBoltSpec(
    string Upstream,
    bool SingleUpstream,
    string Downstream,
    bool DirectCoord,
    Func<IBatchBolt>? BatchFactory,
    Func<IBasicBolt>? BasicFactory);
