namespace Squall.ZooKeeper;

/// <summary>A watch notification. <see cref="Path"/> is relative to the client's chroot.</summary>
/// <param name="Type">What happened to the node.</param>
/// <param name="State">The session state when the event was delivered.</param>
/// <param name="Path">The watched node, or null for <see cref="EventType.None"/>.</param>
public sealed record WatchedEvent(EventType Type, ConnectionState State, string? Path);
