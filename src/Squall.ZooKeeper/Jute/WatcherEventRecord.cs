namespace Squall.ZooKeeper.Jute;

/// <summary>A notification body (xid -1). <see cref="Path"/> is the server path, chroot included.</summary>
internal readonly record struct WatcherEventRecord(EventType Type, int KeeperState, string? Path)
{
    public static WatcherEventRecord Read(ref JuteReader reader) =>
        new((EventType)reader.ReadInt(), reader.ReadInt(), reader.ReadString());

    public void Write(JuteWriter writer)
    {
        writer.WriteInt((int)Type);
        writer.WriteInt(KeeperState);
        writer.WriteString(Path);
    }
}
