namespace Squall.ZooKeeper;

/// <summary>A watch asked for by a request; it is recorded only once the reply shows the server set it.</summary>
internal sealed record WatchRegistration(WatchKind Kind, string Path, Func<WatchedEvent, Task> Callback);
