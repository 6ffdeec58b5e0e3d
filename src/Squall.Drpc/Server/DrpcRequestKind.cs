namespace Squall.Drpc.Server;

/// <summary>Where a DRPC request is in its life (see <see cref="DrpcRequestLifecycle"/>).</summary>
internal enum DrpcRequestKind
{
    /// <summary>Called; waiting for a DRPC spout to fetch it.</summary>
    Waiting,

    /// <summary>Handed to a spout; the topology is computing it.</summary>
    Fetched,

    /// <summary>Done: the caller has its result or its error. Terminal.</summary>
    Done,
}
