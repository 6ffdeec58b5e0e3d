namespace Squall.ZooKeeper;

/// <summary>
/// The outcome of one operation of a multi. <see cref="Path"/> is set for creates (the actual name, sequence
/// included) and <see cref="Stat"/> for set-data. In a failed multi, the operation that failed carries its
/// error, the others <see cref="ErrorCode.Ok"/> (before it, rolled back) or <see cref="ErrorCode.RuntimeInconsistency"/> (after it, not run).
/// </summary>
public sealed record OpResult(OpKind Kind, ErrorCode Error, string? Path = null, Stat? Stat = null);
