namespace Squall.Ui.Sources;

/// <summary>A supervisor as the cluster page lists it.</summary>
internal sealed record UiSupervisor(string Id, string Host, long UptimeSeconds, int SlotsTotal, int SlotsUsed, bool Alive);
