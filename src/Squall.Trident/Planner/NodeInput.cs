namespace Squall.Trident.Planner;

/// <summary>A node's subscription to a stream of another node, with the grouping that repartitions it.</summary>
internal sealed record NodeInput(NodePlan Node, string StreamId, GroupingKind Grouping, Fields? GroupingFields = null);
