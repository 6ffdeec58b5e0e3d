namespace Squall.ZooKeeper;

/// <summary>A znode's metadata, as ZooKeeper returns it with reads and writes.</summary>
/// <param name="Czxid">Transaction id that created the node.</param>
/// <param name="Mzxid">Transaction id that last modified the node's data.</param>
/// <param name="Ctime">Creation time, milliseconds since the Unix epoch.</param>
/// <param name="Mtime">Last modification time, milliseconds since the Unix epoch.</param>
/// <param name="Version">Data version; pass it to conditional sets and deletes.</param>
/// <param name="Cversion">Children version.</param>
/// <param name="Aversion">ACL version.</param>
/// <param name="EphemeralOwner">Session id owning an ephemeral node, 0 for a persistent one.</param>
/// <param name="DataLength">Length of the data in bytes.</param>
/// <param name="NumChildren">Number of children.</param>
/// <param name="Pzxid">Transaction id that last changed the children.</param>
public sealed record Stat(
    long Czxid,
    long Mzxid,
    long Ctime,
    long Mtime,
    int Version,
    int Cversion,
    int Aversion,
    long EphemeralOwner,
    int DataLength,
    int NumChildren,
    long Pzxid);
