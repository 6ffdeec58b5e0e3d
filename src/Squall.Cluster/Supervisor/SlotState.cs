namespace Squall.Cluster.Supervisor;

/// <summary>A slot's immutable state: its kind, what it runs (or is getting ready to run), and since when.</summary>
internal sealed record SlotState(SlotKind Kind, SlotAssignment? Current, DateTimeOffset Since, int Restarts = 0, bool ForceKillSent = false)
{
    public static SlotState Empty(DateTimeOffset now) => new(SlotKind.Empty, null, now);
}
