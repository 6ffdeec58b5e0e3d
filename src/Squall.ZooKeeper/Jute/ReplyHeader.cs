namespace Squall.ZooKeeper.Jute;

/// <summary>Precedes every server frame after the handshake: which request it answers, the zxid, and an error code.</summary>
internal readonly record struct ReplyHeader(int Xid, long Zxid, ErrorCode Error)
{
    public static ReplyHeader Read(ref JuteReader reader) =>
        new(reader.ReadInt(), reader.ReadLong(), (ErrorCode)reader.ReadInt());

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(Xid);
        writer.WriteLong(Zxid);
        writer.WriteInt((int)Error);
    }
}
