using Squall.ZooKeeper.Jute;

namespace Squall.ZooKeeper.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class JuteCodecTests
{
    [Fact]
    public void Integers_are_big_endian()
    {
        var writer = new JuteWriter();
        writer.WriteInt(0x01020304);
        writer.WriteLong(0x0102030405060708);
        writer.WriteBool(true);

        writer.ToArray().ShouldBe(new byte[] { 1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 1 });
    }

    [Fact]
    public void Strings_and_buffers_are_length_prefixed_and_minus_one_means_null()
    {
        var writer = new JuteWriter();
        writer.WriteString("hé");
        writer.WriteString(null);
        writer.WriteBuffer([9, 8]);
        writer.WriteNullBuffer();

        writer.ToArray().ShouldBe(new byte[] { 0, 0, 0, 3, (byte)'h', 0xC3, 0xA9, 255, 255, 255, 255, 0, 0, 0, 2, 9, 8, 255, 255, 255, 255 });
        var reader = new JuteReader(writer.ToArray());
        reader.ReadString().ShouldBe("hé");
        reader.ReadString().ShouldBeNull();
        reader.ReadBuffer().ShouldBe(new byte[] { 9, 8 });
        reader.ReadBuffer().ShouldBeNull();
        reader.Remaining.ShouldBe(0);
    }

    [Fact]
    public void String_vectors_round_trip_including_empty_and_null()
    {
        var writer = new JuteWriter();
        writer.WriteStringVector(["a", "bc"]);
        writer.WriteStringVector([]);
        writer.WriteStringVector(null);

        var reader = new JuteReader(writer.ToArray());
        reader.ReadStringVector().ShouldBe(["a", "bc"]);
        reader.ReadStringVector()!.ShouldBeEmpty();
        reader.ReadStringVector().ShouldBeNull();
    }

    [Fact]
    public void Truncated_or_absurd_input_throws_InvalidData()
    {
        Should.Throw<InvalidDataException>(() => new JuteReader([0, 0, 1]).ReadInt());
        Should.Throw<InvalidDataException>(() => new JuteReader([0, 0, 0, 5, 1, 2]).ReadString());
        Should.Throw<InvalidDataException>(() => new JuteReader([0x7F, 0xFF, 0xFF, 0xFF]).ReadBuffer());
        Should.Throw<InvalidDataException>(() => new JuteReader([0xFF, 0xFF, 0xFF, 0xFE]).ReadStringVector());
    }

    [Fact]
    public void Stat_round_trips_in_field_order()
    {
        var stat = new Stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        var writer = new JuteWriter();
        StatCodec.Write(writer, stat);

        writer.Length.ShouldBe(68); // 6 longs and 5 ints, as ZooKeeper's Stat record
        var reader = new JuteReader(writer.ToArray());
        StatCodec.Read(ref reader).ShouldBe(stat);
    }

    [Fact]
    public void ConnectRequest_has_the_fields_ZooKeeper_expects()
    {
        var writer = new JuteWriter();
        new ConnectRequest(LastZxidSeen: 7, TimeoutMs: 10_000, SessionId: 0x1234, Password: new byte[16]).Write(writer);

        var reader = new JuteReader(writer.ToArray());
        reader.ReadInt().ShouldBe(0); // protocol version
        reader.ReadLong().ShouldBe(7);
        reader.ReadInt().ShouldBe(10_000);
        reader.ReadLong().ShouldBe(0x1234);
        reader.ReadBuffer()!.Length.ShouldBe(16);
        reader.ReadBool().ShouldBeFalse(); // read-only
        reader.Remaining.ShouldBe(0);
    }

    [Fact]
    public void ConnectResponse_with_a_non_positive_timeout_means_expired_and_the_read_only_flag_is_optional()
    {
        var writer = new JuteWriter();
        new ConnectResponse(0, 0, 0, []).Write(writer);
        var full = new JuteReader(writer.ToArray());
        ConnectResponse.Read(ref full).IsExpired.ShouldBeTrue();

        var withoutFlag = writer.ToArray()[..^1];
        var reader = new JuteReader(withoutFlag);
        ConnectResponse.Read(ref reader).IsExpired.ShouldBeTrue();
    }

    [Fact]
    public void ReplyHeader_and_WatcherEvent_round_trip()
    {
        var writer = new JuteWriter();
        new ReplyHeader(SpecialXid.Notification, 99, ErrorCode.NoNode).Write(writer);
        new WatcherEventRecord(EventType.NodeDeleted, 3, "/a/b").Write(writer);

        var reader = new JuteReader(writer.ToArray());
        ReplyHeader.Read(ref reader).ShouldBe(new ReplyHeader(-1, 99, ErrorCode.NoNode));
        WatcherEventRecord.Read(ref reader).ShouldBe(new WatcherEventRecord(EventType.NodeDeleted, 3, "/a/b"));
    }

    [Fact]
    public void Create_request_carries_the_open_acl_and_the_mode_flag()
    {
        var reader = new JuteReader(Requests.Create("/n", [1], CreateMode.EphemeralSequential, ZooKeeperAcl.Open));

        reader.ReadString().ShouldBe("/n");
        reader.ReadBuffer().ShouldBe(new byte[] { 1 });
        reader.ReadInt().ShouldBe(1); // one ACL entry
        reader.ReadInt().ShouldBe(31); // all permissions
        reader.ReadString().ShouldBe("world");
        reader.ReadString().ShouldBe("anyone");
        reader.ReadInt().ShouldBe(3);
        reader.Remaining.ShouldBe(0);
    }

    [Fact]
    public void Multi_request_frames_each_op_with_a_header_and_ends_with_a_done_header()
    {
        var body = Requests.Multi([Op.Check("/a", 1), Op.Delete("/b", 2)], p => "/root" + p, ZooKeeperAcl.Open);

        var reader = new JuteReader(body);
        (reader.ReadInt(), reader.ReadBool(), reader.ReadInt()).ShouldBe((13, false, -1));
        (reader.ReadString(), reader.ReadInt()).ShouldBe(("/root/a", 1));
        (reader.ReadInt(), reader.ReadBool(), reader.ReadInt()).ShouldBe((2, false, -1));
        (reader.ReadString(), reader.ReadInt()).ShouldBe(("/root/b", 2));
        (reader.ReadInt(), reader.ReadBool(), reader.ReadInt()).ShouldBe((-1, true, -1));
        reader.Remaining.ShouldBe(0);
    }

    [Fact]
    public void Multi_response_maps_results_and_errors_to_the_ops()
    {
        var writer = new JuteWriter();
        WriteHeader(writer, 1, done: false, 0);
        writer.WriteString("/root/created");
        WriteHeader(writer, -1, done: false, -103);
        writer.WriteInt(-103);
        WriteHeader(writer, -1, done: true, -1);

        var reader = new JuteReader(writer.ToArray());
        var results = MultiResponse.Read(ref reader, [Op.Create("/created", default), Op.Check("/x", 3)], p => p["/root".Length..]);

        results.ShouldBe([new OpResult(OpKind.Create, ErrorCode.Ok, "/created"), new OpResult(OpKind.Check, ErrorCode.BadVersion)]);
    }

    [Fact]
    public void SetWatches_is_split_into_chunks_that_keep_every_path_once_in_its_table()
    {
        var data = Enumerable.Range(0, 5).Select(i => $"/data/{i:D4}").ToList(); // 10 bytes each, 14 with the length
        var exist = new List<string> { "/exist/0001" };
        var child = new List<string> { "/child/0001", "/child/0002" };

        var frames = Requests.SetWatchesChunks(9, data, exist, child, chunkBytes: 50);

        var tables = (Data: new List<string>(), Exist: new List<string>(), Child: new List<string>());
        var perFrame = new List<int>();
        foreach (var frame in frames)
        {
            var reader = new JuteReader(frame);
            reader.ReadLong().ShouldBe(9);
            var (d, e, c) = (reader.ReadStringVector()!, reader.ReadStringVector()!, reader.ReadStringVector()!);
            perFrame.Add(d.Count + e.Count + c.Count);
            tables.Data.AddRange(d);
            tables.Exist.AddRange(e);
            tables.Child.AddRange(c);
        }

        perFrame.ShouldBe([3, 3, 2]); // paths of 14 or 15 bytes with their length, at most 50 bytes a frame
        tables.Data.ShouldBe(data);
        tables.Exist.ShouldBe(exist);
        tables.Child.ShouldBe(child);
    }

    [Fact]
    public void No_watches_need_no_SetWatches() =>
        Requests.SetWatchesChunks(1, [], [], [], 1024).ShouldBeEmpty();

    private static void WriteHeader(JuteWriter writer, int type, bool done, int err)
    {
        writer.WriteInt(type);
        writer.WriteBool(done);
        writer.WriteInt(err);
    }
}
