namespace Squall.ZooKeeper;

/// <summary>ZooKeeper's node permissions (<c>ZooDefs.Perms</c>).</summary>
[Flags]
public enum ZooKeeperPermissions
{
    None = 0,
    Read = 1,
    Write = 2,
    Create = 4,
    Delete = 8,
    Admin = 16,
    All = Read | Write | Create | Delete | Admin,
}
