namespace Squall.ZooKeeper.Jute;

/// <summary>ACL encoding: <c>vector&lt;ACL&gt;</c> with <c>ACL { int perms; Id { ustring scheme; ustring id } }</c>.</summary>
internal static class Acl
{
    public static void Write(JuteWriter writer, IReadOnlyList<ZooKeeperAcl> acl)
    {
        writer.WriteInt(acl.Count);
        foreach (var entry in acl)
        {
            writer.WriteInt((int)entry.Permissions);
            writer.WriteString(entry.Scheme);
            writer.WriteString(entry.Id);
        }
    }

    public static List<ZooKeeperAcl> Read(ref JuteReader reader)
    {
        var count = reader.ReadInt();
        var acl = new List<ZooKeeperAcl>(Math.Max(0, count));
        for (var i = 0; i < count; i++)
        {
            var permissions = (ZooKeeperPermissions)reader.ReadInt();
            acl.Add(new ZooKeeperAcl(permissions, reader.ReadString() ?? string.Empty, reader.ReadString() ?? string.Empty));
        }

        return acl;
    }
}
