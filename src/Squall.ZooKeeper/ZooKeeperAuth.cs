using System.Text;

namespace Squall.ZooKeeper;

/// <summary>A credential the session presents on every connection (ZooKeeper's <c>addauth SCHEME PAYLOAD</c>).</summary>
public sealed record ZooKeeperAuth(string Scheme, ReadOnlyMemory<byte> Payload)
{
    /// <summary>A <c>digest</c> credential: <c>user:password</c>.</summary>
    public static ZooKeeperAuth Digest(string userAndPassword) => new("digest", Encoding.UTF8.GetBytes(userAndPassword));
}
