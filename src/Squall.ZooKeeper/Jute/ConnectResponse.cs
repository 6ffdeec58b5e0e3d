namespace Squall.ZooKeeper.Jute;

/// <summary>The server's answer to <see cref="ConnectRequest"/>; a timeout of zero or less means the session expired.</summary>
internal readonly record struct ConnectResponse(int ProtocolVersion, int TimeoutMs, long SessionId, byte[] Password)
{
    public bool IsExpired => TimeoutMs <= 0;

    public static ConnectResponse Read(ref JuteReader reader)
    {
        var version = reader.ReadInt();
        var timeout = reader.ReadInt();
        var sessionId = reader.ReadLong();
        var password = reader.ReadBuffer() ?? [];
        // The trailing readOnly flag is optional (older servers omit it) and of no use to this client.
        return new ConnectResponse(version, timeout, sessionId, password);
    }

    public void Write(JuteWriter writer)
    {
        writer.WriteInt(ProtocolVersion);
        writer.WriteInt(TimeoutMs);
        writer.WriteLong(SessionId);
        writer.WriteBuffer(Password);
        writer.WriteBool(false);
    }
}
