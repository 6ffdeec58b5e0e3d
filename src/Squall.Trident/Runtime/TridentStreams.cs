namespace Squall.Trident.Runtime;

/// <summary>The system streams and fields of a compiled Trident topology (Storm's names where Storm has them).</summary>
internal static class TridentStreams
{
    public const string CoordinatorId = "$mastercoord-bg0";

    /// <summary>Coordinator → spout nodes: process <c>(txid, attempt)</c>.</summary>
    public const string Batch = "$batch";

    /// <summary>Coordinator → committer nodes: write <c>(txid, attempt)</c> to the state.</summary>
    public const string Commit = "$commit";

    /// <summary>Coordinator → spout nodes: <c>txid</c> is committed.</summary>
    public const string Success = "$success";

    /// <summary>
    /// Node task → each downstream node task (direct): "I have finished <c>(txid, attempt)</c> and sent you <c>count</c>
    /// tuples of it". A task has a batch complete when every upstream task reported and the counts add up.
    /// </summary>
    public const string Coord = "$coord";

    /// <summary>DRPC spout node → the DRPC stream's return node: the request's return info.</summary>
    public const string DrpcReturnInfo = "$drpc-return-info";

    /// <summary>Return node → ReturnResults: <c>(result, return-info)</c>.</summary>
    public const string DrpcResult = "$drpc-result";

    public static readonly Fields BatchFields = new("txid", "attempt");

    public static readonly Fields CoordFields = new("txid", "attempt", "count");

    public static readonly Fields DrpcResultFields = new("result", "return-info");

    /// <summary>Every data tuple carries its batch first: <c>(txid, attempt, ...user fields)</c>.</summary>
    public const int UserOffset = 2;

    public static Fields DataFields(Fields user) => new(["$txid", "$attempt", .. user]);
}
