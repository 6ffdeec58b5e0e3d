namespace Squall.Runtime.Metrics;

/// <summary>One subscription of a bolt: a stream of a component, and its grouping (<c>shuffle</c>, <c>fields(word)</c>, ...).</summary>
/// <param name="Component">The source component.</param>
/// <param name="Stream">The source stream.</param>
/// <param name="Grouping">The grouping, in Storm's words.</param>
public sealed record ComponentInput(string Component, string Stream, string Grouping);
