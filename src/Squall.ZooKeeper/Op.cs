namespace Squall.ZooKeeper;

/// <summary>One operation of a multi transaction (see <see cref="ZooKeeperClient.MultiAsync"/>).</summary>
public sealed class Op
{
    private Op(OpKind kind, string path, ReadOnlyMemory<byte> data, CreateMode mode, int version, IReadOnlyList<ZooKeeperAcl>? acl = null)
    {
        Acl = acl;
        Kind = kind;
        Path = path;
        Data = data;
        Mode = mode;
        Version = version;
    }

    public OpKind Kind { get; }

    public string Path { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public CreateMode Mode { get; }

    /// <summary>The ACL of a created node; null uses the client's <see cref="ZooKeeperClientOptions.DefaultAcl"/>.</summary>
    public IReadOnlyList<ZooKeeperAcl>? Acl { get; }

    /// <summary>Expected version; -1 matches any.</summary>
    public int Version { get; }

    public static Op Create(string path, ReadOnlyMemory<byte> data, CreateMode mode = CreateMode.Persistent, IReadOnlyList<ZooKeeperAcl>? acl = null) =>
        new(OpKind.Create, path, data, mode, -1, acl);

    public static Op Delete(string path, int version = -1) => new(OpKind.Delete, path, default, default, version);

    public static Op SetData(string path, ReadOnlyMemory<byte> data, int version = -1) =>
        new(OpKind.SetData, path, data, default, version);

    /// <summary>Fails the transaction unless the node exists with this version.</summary>
    public static Op Check(string path, int version) => new(OpKind.Check, path, default, default, version);
}
