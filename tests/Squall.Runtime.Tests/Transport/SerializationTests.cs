using Squall.Wire.Codec;

namespace Squall.Runtime.Tests.Transport;

/// <summary>Values that must cross workers: user types through registered serializers, and the always-serialize switch.</summary>
[Trait("Category", "Integration")]
public sealed class SerializationTests
{
    [Fact]
    public void Always_try_serialize_reports_an_unencodable_value_naming_the_component()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("points", () => new FixedSpout([new Values(new Point(1, 2))], new Fields("p"), log, withMessageIds: false));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("points");
        using var cluster = Support.Clusters.Create();
        cluster.SubmitTopology("s", new Config { [Config.TopologyTestingAlwaysTrySerialize] = true, FallBackOnJavaSerialization = false }, builder.CreateTopology());

        Wait.Until(() => cluster.GetErrors("s").Count > 0, "the codec error reported");
        var error = cluster.GetErrors("s")[0];
        error.ComponentId.ShouldBe("points");
        error.Error.Message.ShouldContain("Component 'points'");
        error.Error.Message.ShouldContain(nameof(Point));
        error.Error.Message.ShouldContain("topology.kryo.register");
        sink.Count.ShouldBe(0);
    }

    [Fact]
    public void A_registered_user_type_crosses_workers_intact()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var points = Enumerable.Range(0, 50).Select(i => new Values(new Point(i, -i))).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("points", () => new FixedSpout(points, new Fields("p"), log));
        builder.SetBolt("capture", () => new CaptureBolt(sink), 2).ShuffleGrouping("points");
        var conf = new Config
        {
            NumWorkers = 2,
            [Config.TopologyKryoRegister] = new Dictionary<string, object?> { [typeof(Point).FullName!] = typeof(PointSerializer).AssemblyQualifiedName },
        };
        using var cluster = Support.Clusters.Create();
        cluster.SubmitTopology("s2", conf, builder.CreateTopology());

        Wait.UntilEqual(() => log.AckCount, points.Count, "every point acked");
        cluster.GetErrors("s2").ShouldBeEmpty();
        sink.All.Select(r => r.Values[0]).OfType<Point>().OrderBy(p => p.X).ShouldBe(points.Select(v => (Point)v[0].AsObject()!));
    }

    public sealed record Point(int X, int Y);

    public sealed class PointSerializer : ValueSerializer<Point>
    {
        public override void Write<TBufferWriter>(ref WireWriter<TBufferWriter> writer, Point value)
        {
            ArgumentNullException.ThrowIfNull(value);
            writer.WriteVarInt32(value.X);
            writer.WriteVarInt32(value.Y);
        }

        public override Point Read(ref WireReader reader) => new(reader.ReadVarInt32(), reader.ReadVarInt32());
    }
}
