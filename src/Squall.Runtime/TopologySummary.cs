namespace Squall.Runtime;

/// <summary>One topology in a <see cref="ClusterInfo"/> (Storm's <c>TopologySummary</c>).</summary>
/// <param name="Name">The topology's name.</param>
/// <param name="Status">ACTIVE or INACTIVE.</param>
/// <param name="Uptime">Time since it was submitted.</param>
/// <param name="Workers">Workers running it.</param>
/// <param name="Executors">Executors, ackers included.</param>
/// <param name="Tasks">Tasks, ackers included.</param>
public sealed record TopologySummary(string Name, string Status, TimeSpan Uptime, int Workers, int Executors, int Tasks);
