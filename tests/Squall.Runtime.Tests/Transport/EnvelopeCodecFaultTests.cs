using System.Buffers;
using Squall.Runtime.Messaging;
using Squall.Runtime.Transport;
using Squall.Wire.Codec;
using static Squall.Runtime.Tests.Transport.CustomTypeTests;

namespace Squall.Runtime.Tests.Transport;

/// <summary>A user serializer failing inside a batch frame costs its tuple: the frame around it stays whole.</summary>
[Trait("Category", "Unit")]
public sealed class EnvelopeCodecFaultTests
{
    private readonly StormTopology _topology;
    private readonly TaskLayout _layout;
    private readonly EnvelopeCodec _codec;

    public EnvelopeCodecFaultTests()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("widgets", () => new FixedSpout([], new Fields("n", "w"), new SpoutLog()));
        builder.SetBolt("capture", () => new CaptureBolt(new CaptureSink())).ShuffleGrouping("widgets");
        _topology = builder.CreateTopology();
        _layout = new TaskLayout(_topology, ackerTasks: 2);
        _codec = new EnvelopeCodec(_layout, new SerializerRegistry().Register(new WidgetSerializer()));
    }

    [Fact]
    public void A_tuple_whose_serializer_throws_half_way_is_replaced_by_the_fails_of_its_trees_and_the_rest_is_sent()
    {
        var batch = Batch("fine", "write", "fine");
        var output = new ArrayBufferWriter<byte>();
        Should.Throw<WireEncodingException>(() => _codec.Encode(batch, output));
        var reason = new FailureReason(FailureKind.Failed, "widgets", 1, "could not encode");
        List<(int N, WireEncodingException Error)> reported = [];

        output.ResetWrittenCount();
        _codec.EncodeSkipping(batch, output, (e, error) =>
        {
            reported.Add((((Widget)e.Tuple!.ValueArray[1].AsObject()!).N, error));
            return reason;
        });

        var (n, error) = reported.ShouldHaveSingleItem();
        n.ShouldBe(1);
        error.Serializer.ShouldBe(typeof(WidgetSerializer).FullName);
        List<Envelope> decoded = [];
        _codec.Decode(output.WrittenSpan, decoded);
        decoded.Select(e => e.Kind).ShouldBe([MessageKind.Tuple, MessageKind.Fail, MessageKind.Fail, MessageKind.Tuple]);
        decoded.Where(e => e.Kind == MessageKind.Tuple).Select(e => e.Tuple!.GetInteger(0)).ShouldBe([0, 2]);
        var bad = batch.Items[1].Tuple!;
        decoded.Where(e => e.Kind == MessageKind.Fail).Select(e => (e.TargetTask, e.Root, e.Reason))
            .ShouldBe([(_layout.AckerOf(bad.RootId), bad.RootId, reason), (_layout.AckerOf(bad.ExtraAnchors![0]), bad.ExtraAnchors[0], reason)]);
    }

    [Fact]
    public void Without_a_reason_the_unencodable_tuple_is_only_left_out()
    {
        var output = new ArrayBufferWriter<byte>();

        _codec.EncodeSkipping(Batch("write", "fine"), output, (_, _) => null);

        List<Envelope> decoded = [];
        _codec.Decode(output.WrittenSpan, decoded);
        decoded.ShouldHaveSingleItem().Tuple!.GetInteger(0).ShouldBe(1);
    }

    [Theory]
    [InlineData("throw")]
    [InlineData("short")]
    [InlineData("long")]
    public void A_tuple_whose_serializer_fails_to_read_is_set_aside_and_the_rest_of_the_frame_decodes(string fault)
    {
        var output = new ArrayBufferWriter<byte>();
        _codec.Encode(Batch("fine", fault, "fine"), output);
        List<Envelope> decoded = [];
        List<(Envelope Envelope, UndecodableValueException Error)> undecodable = [];

        _codec.Decode(output.WrittenSpan, decoded, undecodable);

        decoded.Select(e => e.Tuple!.GetInteger(0)).ShouldBe([0, 2]);
        var (envelope, error) = undecodable.ShouldHaveSingleItem();
        envelope.Tuple!.GetInteger(0).ShouldBe(1);
        error.TypeName.ShouldBe(typeof(Widget).FullName);
        error.Serializer.ShouldBe(typeof(WidgetSerializer).FullName);
    }

    /// <summary>Tuples from the spout to the bolt, one per fault, each anchored in two trees.</summary>
    private TupleBatch Batch(params string[] faults)
    {
        var stream = _topology.ById["widgets"].StreamList[0];
        var spoutTask = _layout.ComponentTasks["widgets"][0];
        var boltTask = _layout.ComponentTasks["capture"][0];
        var batch = new TupleBatch(16, home: null);
        for (var i = 0; i < faults.Length; i++)
        {
            var tuple = new Tuple([i, Value.FromObject(new Widget(i, faults[i]))], stream, spoutTask)
            {
                RootId = (2 * i) + 1,
                EdgeId = 5,
                ExtraAnchors = [(2 * i) + 2, 6],
            };
            batch.Add(Envelope.ForTuple(tuple, boltTask));
        }

        return batch;
    }
}
