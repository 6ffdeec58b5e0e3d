namespace Squall.Runtime.Routing;

/// <summary>
/// Picks the target tasks of one tuple for one subscription. One instance per emitting task and
/// subscription, used from that task's thread only; returns a view of its own cached buffer, never a new list.
/// </summary>
internal interface IGrouper
{
    ReadOnlySpan<int> Choose(int sourceTask, Value[] values);
}
