namespace Squall.ZooKeeper;

/// <summary>
/// Client-side watch tables, keyed by client path. A watch fires once: triggering removes it. The tables
/// survive reconnects so that SetWatches can re-register them on the next server.
/// </summary>
internal sealed class WatchManager
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<Func<WatchedEvent, Task>>> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<Func<WatchedEvent, Task>>> _exist = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<Func<WatchedEvent, Task>>> _child = new(StringComparer.Ordinal);

    /// <summary>Records a watch whose request got <paramref name="error"/>, following the server's own rules.</summary>
    public void Register(WatchRegistration watch, ErrorCode error)
    {
        var table = (watch.Kind, error) switch
        {
            (WatchKind.Data, ErrorCode.Ok) or (WatchKind.Exists, ErrorCode.Ok) => _data,
            (WatchKind.Exists, ErrorCode.NoNode) => _exist,
            (WatchKind.Child, ErrorCode.Ok) => _child,
            _ => null, // the request failed, so the server set no watch
        };

        if (table is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!table.TryGetValue(watch.Path, out var callbacks))
            {
                table[watch.Path] = callbacks = [];
            }

            callbacks.Add(watch.Callback);
        }
    }

    /// <summary>Removes and returns the watches an event fires (same rules as ZooKeeper's ZKWatchManager).</summary>
    public List<Func<WatchedEvent, Task>> Trigger(EventType type, string path)
    {
        var fired = new List<Func<WatchedEvent, Task>>();
        lock (_gate)
        {
            switch (type)
            {
                case EventType.NodeCreated:
                case EventType.NodeDataChanged:
                    Take(_data, path, fired);
                    Take(_exist, path, fired);
                    break;
                case EventType.NodeChildrenChanged:
                    Take(_child, path, fired);
                    break;
                case EventType.NodeDeleted:
                    Take(_data, path, fired);
                    Take(_exist, path, fired);
                    Take(_child, path, fired);
                    break;
                default:
                    break;
            }
        }

        return fired;
    }

    /// <summary>Removes every watch: the session ended, so none will ever fire from the server.</summary>
    public List<Func<WatchedEvent, Task>> TakeAll()
    {
        var all = new List<Func<WatchedEvent, Task>>();
        lock (_gate)
        {
            foreach (var table in (Dictionary<string, HashSet<Func<WatchedEvent, Task>>>[])[_data, _exist, _child])
            {
                foreach (var callbacks in table.Values)
                {
                    all.AddRange(callbacks);
                }

                table.Clear();
            }
        }

        return all;
    }

    public (List<string> Data, List<string> Exist, List<string> Child) Paths()
    {
        lock (_gate)
        {
            return ([.. _data.Keys], [.. _exist.Keys], [.. _child.Keys]);
        }
    }

    private static void Take(Dictionary<string, HashSet<Func<WatchedEvent, Task>>> table, string path, List<Func<WatchedEvent, Task>> into)
    {
        if (table.Remove(path, out var callbacks))
        {
            foreach (var callback in callbacks)
            {
                if (!into.Contains(callback))
                {
                    into.Add(callback);
                }
            }
        }
    }
}
