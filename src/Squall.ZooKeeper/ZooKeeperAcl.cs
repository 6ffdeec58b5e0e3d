using System.Security.Cryptography;
using System.Text;

namespace Squall.ZooKeeper;

/// <summary>
/// One entry of a node's access control list: <paramref name="Permissions"/> for the identity
/// <paramref name="Id"/> of <paramref name="Scheme"/> (ZooKeeper's <c>ACL</c> record).
/// </summary>
public sealed record ZooKeeperAcl(ZooKeeperPermissions Permissions, string Scheme, string Id)
{
    /// <summary>Everyone may do everything (ZooKeeper's <c>OPEN_ACL_UNSAFE</c>).</summary>
    public static IReadOnlyList<ZooKeeperAcl> Open { get; } = [new(ZooKeeperPermissions.All, "world", "anyone")];

    /// <summary>Everything for the identities the creating session authenticated as (ZooKeeper's <c>CREATOR_ALL_ACL</c>).</summary>
    public static IReadOnlyList<ZooKeeperAcl> CreatorAll { get; } = [new(ZooKeeperPermissions.All, "auth", string.Empty)];

    /// <summary>
    /// <paramref name="permissions"/> for the digest identity <c>user:password</c>, as <c>addauth digest user:password</c>
    /// establishes it: the id is <c>user:base64(sha1("user:password"))</c>, so the ACL does not hold the password.
    /// </summary>
    public static ZooKeeperAcl Digest(string userAndPassword, ZooKeeperPermissions permissions)
    {
        ArgumentNullException.ThrowIfNull(userAndPassword);
        var colon = userAndPassword.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new ArgumentException("A digest credential looks like user:password.", nameof(userAndPassword));
        }

#pragma warning disable CA5350 // SHA-1 is what ZooKeeper's DigestAuthenticationProvider uses; the id must match the server's.
        var hash = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(userAndPassword)));
#pragma warning restore CA5350
        return new ZooKeeperAcl(permissions, "digest", $"{userAndPassword[..colon]}:{hash}");
    }
}
