namespace Squall.ZooKeeper.Recipes;

/// <summary>Small recipes built on the core operations.</summary>
public static class ZooKeeperClientExtensions
{
    /// <summary>
    /// Creates a node, first creating any missing ancestors as empty persistent nodes. Ancestors that
    /// another client creates concurrently are fine; the node itself must not exist yet.
    /// </summary>
    public static Task<string> CreateWithParentsAsync(
        this ZooKeeperClient client,
        string path,
        ReadOnlyMemory<byte> data,
        CreateMode mode = CreateMode.Persistent,
        CancellationToken cancellationToken = default) =>
        CreateWithParentsAsync(client, path, data, mode, null, cancellationToken);

    /// <summary>As the overload above, with <paramref name="acl"/> on the node itself (ancestors get the client's default ACL).</summary>
    public static async Task<string> CreateWithParentsAsync(
        this ZooKeeperClient client,
        string path,
        ReadOnlyMemory<byte> data,
        CreateMode mode,
        IReadOnlyList<ZooKeeperAcl>? acl,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await Create(client, path, data, mode, acl, cancellationToken);
        }
        catch (NoNodeException)
        {
            // Optimistic first try: in the common case the parents exist and this costs one round trip.
        }

        await EnsurePathAsync(client, PathValidation.Parent(path), cancellationToken);
        return await Create(client, path, data, mode, acl, cancellationToken);
    }

    private static Task<string> Create(ZooKeeperClient client, string path, ReadOnlyMemory<byte> data, CreateMode mode, IReadOnlyList<ZooKeeperAcl>? acl, CancellationToken cancellationToken) =>
        acl is null ? client.CreateAsync(path, data, mode, cancellationToken) : client.CreateAsync(path, data, mode, acl, cancellationToken);

    /// <summary>Creates every missing node along <paramref name="path"/> as empty persistent nodes.</summary>
    public static async Task EnsurePathAsync(this ZooKeeperClient client, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        PathValidation.Validate(path, nameof(path));
        if (path == "/")
        {
            return;
        }

        var end = 0;
        while (end < path.Length)
        {
            end = path.IndexOf('/', end + 1);
            if (end < 0)
            {
                end = path.Length;
            }

            try
            {
                await client.CreateAsync(path[..end], ReadOnlyMemory<byte>.Empty, CreateMode.Persistent, cancellationToken);
            }
            catch (NodeExistsException)
            {
                // Already there, perhaps created by another client meanwhile: exactly what was wanted.
            }
        }
    }
}
