namespace Squall.ZooKeeper.Jute;

/// <summary>ACL encoding. Only ZooKeeper's OPEN_ACL_UNSAFE (world:anyone with all permissions) is supported.</summary>
internal static class Acl
{
    private const int AllPermissions = 31; // READ | WRITE | CREATE | DELETE | ADMIN

    public static void WriteOpenAcl(JuteWriter writer)
    {
        writer.WriteInt(1);
        writer.WriteInt(AllPermissions);
        writer.WriteString("world");
        writer.WriteString("anyone");
    }
}
