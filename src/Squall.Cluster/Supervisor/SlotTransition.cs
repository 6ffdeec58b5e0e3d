namespace Squall.Cluster.Supervisor;

/// <summary>The result of one <see cref="Slot.Step"/>: the next state and the effects to perform, in order.</summary>
internal sealed record SlotTransition(SlotState State, IReadOnlyList<SlotAction> Actions);
