namespace Squall.Runtime.Acking;

/// <summary>What an acker message did to its tree: nothing yet, completed it, or failed it.</summary>
internal readonly record struct AckOutcome(AckOutcomeKind Kind, int SpoutTask, FailureReason? Reason);
