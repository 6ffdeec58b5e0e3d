namespace Squall.Trident.Runtime;

/// <summary>The message id of a coordinator tuple: an attempt of a txid, on the batch or the commit stream.</summary>
internal sealed record BatchMessage(long Txid, long Attempt, bool Commit);
