namespace Squall.Runtime.EventLogging;

/// <summary>An edge of a tuple tree as an event records it: the tree, the edge id within it, and the task it went to (-1 for an input).</summary>
/// <param name="Root">The tree's root id.</param>
/// <param name="Edge">The edge id (the acker XORs it in on emit and out on ack).</param>
/// <param name="Task">The target task of an emit; -1 for the edge of an acked or failed input.</param>
public readonly record struct EventEdge(long Root, long Edge, int Task);
