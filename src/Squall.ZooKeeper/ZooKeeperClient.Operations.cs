using Squall.ZooKeeper.Jute;

namespace Squall.ZooKeeper;

public sealed partial class ZooKeeperClient
{
    /// <summary>Creates a node with the client's <see cref="ZooKeeperClientOptions.DefaultAcl"/> and returns its actual path (with the sequence number, if any).</summary>
    public Task<string> CreateAsync(string path, ReadOnlyMemory<byte> data, CreateMode mode = CreateMode.Persistent, CancellationToken cancellationToken = default) =>
        CreateAsync(path, data, mode, _options.DefaultAcl, cancellationToken);

    /// <summary>Creates a node with <paramref name="acl"/> and returns its actual path (with the sequence number, if any).</summary>
    public Task<string> CreateAsync(string path, ReadOnlyMemory<byte> data, CreateMode mode, IReadOnlyList<ZooKeeperAcl> acl, CancellationToken cancellationToken = default)
    {
        PathValidation.Validate(path, nameof(path), IsSequential(mode));
        ArgumentNullException.ThrowIfNull(acl);
        var body = Requests.Create(ServerPath(path), data.Span, mode, acl);
        return SendAsync(OpCode.Create, body, (ErrorCode error, ref JuteReader reader) =>
        {
            ThrowIfError(error, path);
            return ClientPath(reader.ReadString()!);
        }, null, cancellationToken);
    }

    /// <summary>Reads a node's ACL.</summary>
    public Task<IReadOnlyList<ZooKeeperAcl>> GetAclAsync(string path, CancellationToken cancellationToken = default)
    {
        PathValidation.Validate(path, nameof(path));
        return SendAsync(OpCode.GetAcl, Requests.PathOnly(ServerPath(path)), (ErrorCode error, ref JuteReader reader) =>
        {
            ThrowIfError(error, path);
            return (IReadOnlyList<ZooKeeperAcl>)Acl.Read(ref reader);
        }, null, cancellationToken);
    }

    /// <summary>Replaces a node's ACL if its ACL version matches (-1 matches any).</summary>
    public Task SetAclAsync(string path, IReadOnlyList<ZooKeeperAcl> acl, int aclVersion = -1, CancellationToken cancellationToken = default)
    {
        PathValidation.Validate(path, nameof(path));
        ArgumentNullException.ThrowIfNull(acl);
        return SendAsync(OpCode.SetAcl, Requests.SetAcl(ServerPath(path), acl, aclVersion), (ErrorCode error, ref JuteReader _) =>
        {
            ThrowIfError(error, path);
            return true;
        }, null, cancellationToken);
    }

    /// <summary>Deletes a node if its version matches (-1 matches any).</summary>
    public Task DeleteAsync(string path, int version = -1, CancellationToken cancellationToken = default)
    {
        PathValidation.Validate(path, nameof(path));
        return SendAsync(OpCode.Delete, Requests.PathAndVersion(ServerPath(path), version), (ErrorCode error, ref JuteReader _) =>
        {
            ThrowIfError(error, path);
            return true;
        }, null, cancellationToken);
    }

    /// <summary>
    /// Returns the node's stat, or null if it does not exist. A watcher fires once on the node's creation,
    /// data change or deletion.
    /// </summary>
    public Task<Stat?> ExistsAsync(string path, Func<WatchedEvent, Task>? watcher = null, CancellationToken cancellationToken = default) =>
        SendWatchedAsync(OpCode.Exists, WatchKind.Exists, path, watcher, (ErrorCode error, ref JuteReader reader) =>
        {
            if (error == ErrorCode.NoNode)
            {
                return null;
            }

            ThrowIfError(error, path);
            return StatCodec.Read(ref reader);
        }, cancellationToken);

    /// <summary>Reads a node's data. A watcher fires once on its next data change or deletion.</summary>
    public Task<NodeData> GetDataAsync(string path, Func<WatchedEvent, Task>? watcher = null, CancellationToken cancellationToken = default) =>
        SendWatchedAsync(OpCode.GetData, WatchKind.Data, path, watcher, (ErrorCode error, ref JuteReader reader) =>
        {
            ThrowIfError(error, path);
            var data = reader.ReadBuffer() ?? [];
            return new NodeData(data, StatCodec.Read(ref reader));
        }, cancellationToken);

    /// <summary>Writes a node's data if its version matches (-1 matches any); returns the new stat.</summary>
    public Task<Stat> SetDataAsync(string path, ReadOnlyMemory<byte> data, int version = -1, CancellationToken cancellationToken = default)
    {
        PathValidation.Validate(path, nameof(path));
        return SendAsync(OpCode.SetData, Requests.SetData(ServerPath(path), data.Span, version), (ErrorCode error, ref JuteReader reader) =>
        {
            ThrowIfError(error, path);
            return StatCodec.Read(ref reader);
        }, null, cancellationToken);
    }

    /// <summary>Lists a node's children (names, unsorted). A watcher fires once when a child is added or removed, or the node is deleted.</summary>
    public Task<NodeChildren> GetChildrenAsync(string path, Func<WatchedEvent, Task>? watcher = null, CancellationToken cancellationToken = default) =>
        SendWatchedAsync(OpCode.GetChildren2, WatchKind.Child, path, watcher, (ErrorCode error, ref JuteReader reader) =>
        {
            ThrowIfError(error, path);
            var children = reader.ReadStringVector() ?? [];
            return new NodeChildren(children, StatCodec.Read(ref reader));
        }, cancellationToken);

    /// <summary>Waits until the server this client talks to has caught up with the leader for this path.</summary>
    public Task SyncAsync(string path, CancellationToken cancellationToken = default)
    {
        PathValidation.Validate(path, nameof(path));
        return SendAsync(OpCode.Sync, Requests.PathOnly(ServerPath(path)), (ErrorCode error, ref JuteReader _) =>
        {
            ThrowIfError(error, path);
            return true;
        }, null, cancellationToken);
    }

    /// <summary>
    /// Runs the operations as one transaction: all apply or none does. On failure, throws the exception of the
    /// first failing operation, with <see cref="ZooKeeperException.Results"/> holding every operation's outcome.
    /// </summary>
    public Task<IReadOnlyList<OpResult>> MultiAsync(IEnumerable<Op> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var ops = operations.ToList();
        foreach (var op in ops)
        {
            PathValidation.Validate(op.Path, nameof(operations), op.Kind == OpKind.Create && IsSequential(op.Mode));
        }

        var body = Requests.Multi(ops, ServerPath, _options.DefaultAcl);
        return SendAsync<IReadOnlyList<OpResult>>(OpCode.Multi, body, (ErrorCode error, ref JuteReader reader) =>
        {
            var results = reader.Remaining > 0 ? MultiResponse.Read(ref reader, ops, ClientPath) : [];
            var failed = results.FindIndex(r => r.Error is not ErrorCode.Ok and not ErrorCode.RuntimeInconsistency);
            if (failed >= 0 || error != ErrorCode.Ok)
            {
                var exception = failed >= 0
                    ? ZooKeeperException.Create(results[failed].Error, ops[failed].Path)
                    : ZooKeeperException.Create(error, null);
                exception.Results = results;
                throw exception;
            }

            return results;
        }, null, cancellationToken);
    }

    private static bool IsSequential(CreateMode mode) => mode is CreateMode.PersistentSequential or CreateMode.EphemeralSequential;

    private static void ThrowIfError(ErrorCode error, string path)
    {
        if (error != ErrorCode.Ok)
        {
            throw ZooKeeperException.Create(error, path);
        }
    }

    /// <summary>Sends one of the reads that can leave a watch: exists, get-data, get-children.</summary>
    private Task<T> SendWatchedAsync<T>(OpCode op, WatchKind kind, string path, Func<WatchedEvent, Task>? watcher, ResponseDecoder<T> decoder, CancellationToken cancellationToken)
    {
        PathValidation.Validate(path, nameof(path));
        var watch = watcher is null ? null : new WatchRegistration(kind, path, watcher);
        return SendAsync(op, Requests.PathAndWatch(ServerPath(path), watcher is not null), decoder, watch, cancellationToken);
    }

    private string ServerPath(string path) => _connectionString.ToServerPath(path);

    private string ClientPath(string path) => _connectionString.ToClientPath(path);

    private async Task<T> SendAsync<T>(OpCode op, byte[] body, ResponseDecoder<T> decoder, WatchRegistration? watch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new PendingRequest<T>(op, body, watch, decoder);
        if (!_outgoing.Writer.TryWrite(request))
        {
            throw TerminalException();
        }

        using var registration = cancellationToken.Register(static state =>
        {
            var (pending, token) = ((PendingRequest<T>, CancellationToken))state!;
            pending.Cancel(token);
        }, (request, cancellationToken));
        return await request.Task;
    }
}
