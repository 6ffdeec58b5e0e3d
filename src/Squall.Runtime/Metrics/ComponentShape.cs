namespace Squall.Runtime.Metrics;

/// <summary>A component of the topology as the UI draws it.</summary>
/// <param name="Id">The component id.</param>
/// <param name="Type"><c>spout</c> or <c>bolt</c>.</param>
/// <param name="Tasks">Its task count.</param>
/// <param name="Inputs">What it subscribes to, with the grouping.</param>
/// <param name="Streams">The streams it declares.</param>
public sealed record ComponentShape(string Id, string Type, int Tasks, List<ComponentInput> Inputs, List<string> Streams);
