namespace Squall.ZooKeeper.Jute;

/// <summary>The first frame on a connection: creates a session (id 0) or resumes one (id and password).</summary>
internal readonly record struct ConnectRequest(long LastZxidSeen, int TimeoutMs, long SessionId, byte[] Password)
{
    public const int ProtocolVersion = 0;

    /// <summary>The server's side of the handshake; used by tests that play the server.</summary>
    public static ConnectRequest Read(ref JuteReader reader)
    {
        _ = reader.ReadInt(); // protocol version
        var lastZxid = reader.ReadLong();
        var timeout = reader.ReadInt();
        var sessionId = reader.ReadLong();
        return new ConnectRequest(lastZxid, timeout, sessionId, reader.ReadBuffer() ?? []);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(ProtocolVersion);
        writer.WriteLong(LastZxidSeen);
        writer.WriteInt(TimeoutMs);
        writer.WriteLong(SessionId);
        writer.WriteBuffer(Password);
        writer.WriteBool(false); // readOnly: this client never accepts a read-only server
    }
}
