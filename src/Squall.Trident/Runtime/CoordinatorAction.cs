namespace Squall.Trident.Runtime;

internal enum CoordinatorActionKind
{
    /// <summary>Emit an attempt of a txid on the batch stream: process it.</summary>
    EmitBatch,

    /// <summary>Emit an attempt on the commit stream: the committers write it.</summary>
    EmitCommit,

    /// <summary>Record the txid as committed, then tell the spouts it succeeded.</summary>
    Committed,
}

internal readonly record struct CoordinatorAction(CoordinatorActionKind Kind, long Txid, long Attempt);
