namespace Squall.ZooKeeper.Jute;

/// <summary>Encoders for request bodies (everything after the request header). Paths are server paths.</summary>
internal static class Requests
{
    public static byte[] Create(string path, ReadOnlySpan<byte> data, CreateMode mode, IReadOnlyList<ZooKeeperAcl> acl)
    {
        var writer = new JuteWriter();
        WriteCreate(writer, path, data, mode, acl);
        return writer.ToArray();
    }

    /// <summary>AuthPacket: <c>int type (0); ustring scheme; buffer auth</c>.</summary>
    public static byte[] Auth(ZooKeeperAuth auth)
    {
        var writer = new JuteWriter();
        writer.WriteInt(0);
        writer.WriteString(auth.Scheme);
        writer.WriteBuffer(auth.Payload.Span);
        return writer.ToArray();
    }

    public static byte[] SetAcl(string path, IReadOnlyList<ZooKeeperAcl> acl, int version)
    {
        var writer = new JuteWriter();
        writer.WriteString(path);
        Acl.Write(writer, acl);
        writer.WriteInt(version);
        return writer.ToArray();
    }

    public static byte[] PathAndVersion(string path, int version)
    {
        var writer = new JuteWriter();
        writer.WriteString(path);
        writer.WriteInt(version);
        return writer.ToArray();
    }

    /// <summary>Body of exists, getData and getChildren2.</summary>
    public static byte[] PathAndWatch(string path, bool watch)
    {
        var writer = new JuteWriter();
        writer.WriteString(path);
        writer.WriteBool(watch);
        return writer.ToArray();
    }

    public static byte[] SetData(string path, ReadOnlySpan<byte> data, int version)
    {
        var writer = new JuteWriter();
        WriteSetData(writer, path, data, version);
        return writer.ToArray();
    }

    public static byte[] PathOnly(string path)
    {
        var writer = new JuteWriter();
        writer.WriteString(path);
        return writer.ToArray();
    }

    /// <summary>Each op is preceded by a MultiHeader (type, done=false, err=-1); a done header ends the list.</summary>
    public static byte[] Multi(IReadOnlyList<Op> ops, Func<string, string> toServerPath, IReadOnlyList<ZooKeeperAcl> acl)
    {
        var writer = new JuteWriter();
        foreach (var op in ops)
        {
            var path = toServerPath(op.Path);
            WriteMultiHeader(writer, (int)ToOpCode(op.Kind), done: false);
            switch (op.Kind)
            {
                case OpKind.Create:
                    WriteCreate(writer, path, op.Data.Span, op.Mode, op.Acl ?? acl);
                    break;
                case OpKind.SetData:
                    WriteSetData(writer, path, op.Data.Span, op.Version);
                    break;
                case OpKind.Delete:
                case OpKind.Check:
                    writer.WriteString(path);
                    writer.WriteInt(op.Version);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(ops), op.Kind, "Unknown operation kind.");
            }
        }

        WriteMultiHeader(writer, -1, done: true);
        return writer.ToArray();
    }

    public static byte[] SetWatches(long relativeZxid, IReadOnlyCollection<string> data, IReadOnlyCollection<string> exist, IReadOnlyCollection<string> child)
    {
        var writer = new JuteWriter();
        writer.WriteLong(relativeZxid);
        writer.WriteStringVector(data);
        writer.WriteStringVector(exist);
        writer.WriteStringVector(child);
        return writer.ToArray();
    }

    /// <summary>
    /// SetWatches bodies for every watch, each holding about <paramref name="chunkBytes"/> of paths at most
    /// (as ZooKeeper's client does), so a huge watch set never exceeds the server's jute.maxbuffer.
    /// </summary>
    public static List<byte[]> SetWatchesChunks(long relativeZxid, IReadOnlyList<string> data, IReadOnlyList<string> exist, IReadOnlyList<string> child, int chunkBytes)
    {
        var frames = new List<byte[]>();
        IReadOnlyList<string>[] sources = [data, exist, child];
        List<string>[] chunk = [[], [], []];
        var size = 0;
        for (var kind = 0; kind < sources.Length; kind++)
        {
            foreach (var path in sources[kind])
            {
                var pathBytes = System.Text.Encoding.UTF8.GetByteCount(path) + 4;
                if (size > 0 && size + pathBytes > chunkBytes)
                {
                    frames.Add(SetWatches(relativeZxid, chunk[0], chunk[1], chunk[2]));
                    chunk = [[], [], []];
                    size = 0;
                }

                chunk[kind].Add(path);
                size += pathBytes;
            }
        }

        if (size > 0)
        {
            frames.Add(SetWatches(relativeZxid, chunk[0], chunk[1], chunk[2]));
        }

        return frames;
    }

    public static OpCode ToOpCode(OpKind kind) => kind switch
    {
        OpKind.Create => OpCode.Create,
        OpKind.Delete => OpCode.Delete,
        OpKind.SetData => OpCode.SetData,
        OpKind.Check => OpCode.Check,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown operation kind."),
    };

    private static void WriteCreate(JuteWriter writer, string path, ReadOnlySpan<byte> data, CreateMode mode, IReadOnlyList<ZooKeeperAcl> acl)
    {
        writer.WriteString(path);
        writer.WriteBuffer(data);
        Acl.Write(writer, acl);
        writer.WriteInt((int)mode);
    }

    private static void WriteSetData(JuteWriter writer, string path, ReadOnlySpan<byte> data, int version)
    {
        writer.WriteString(path);
        writer.WriteBuffer(data);
        writer.WriteInt(version);
    }

    private static void WriteMultiHeader(JuteWriter writer, int type, bool done)
    {
        writer.WriteInt(type);
        writer.WriteBool(done);
        writer.WriteInt(-1);
    }
}
