namespace Squall.Cluster.Supervisor;

/// <summary>Where a supervisor's slot is in its life (Storm's <c>Slot.MachineState</c>).</summary>
internal enum SlotKind
{
    Empty,
    WaitingForPackage,
    Starting,
    Running,
    Killing,
}
