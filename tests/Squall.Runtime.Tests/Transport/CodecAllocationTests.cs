using System.Buffers;
using Squall.Runtime.Messaging;
using Squall.Runtime.Transport;

namespace Squall.Runtime.Tests.Transport;

/// <summary>
/// Bytes allocated per tuple when a batch of tuples of primitives crosses workers: encoding allocates
/// nothing (ints, longs and doubles are written from the inline value, never boxed), decoding allocates
/// only the decoded tuple (its Value[] and the Tuple). Counted on one thread, exactly, no timing.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CodecAllocationTests
{
    private const int BatchSize = 256;

    [Fact]
    public void Encoding_primitives_allocates_nothing_and_decoding_only_the_tuple()
    {
        var builder = new TopologyBuilder();
        builder.SetSpout("spout", () => new NumbersSpout());
        builder.SetBolt("sink", () => new CaptureBolt(new CaptureSink())).ShuffleGrouping("spout");
        var topology = builder.CreateTopology();
        var layout = new TaskLayout(topology, ackerTasks: 1);
        var codec = new EnvelopeCodec(layout, registry: null);
        var stream = topology.ById["spout"].StreamList[0];
        var spoutTask = layout.ComponentTasks["spout"][0];
        var sinkTask = layout.ComponentTasks["sink"][0];
        var batch = new TupleBatch(BatchSize, home: null);
        for (var i = 0; i < BatchSize; i++)
        {
            batch.Add(Envelope.ForTuple(new Tuple([i, (long)i << 40, i * 0.5], stream, spoutTask) { RootId = i + 1, EdgeId = i }, sinkTask));
        }

        var output = new ArrayBufferWriter<byte>(1 << 16);
        var decoded = new List<Envelope>(BatchSize);
        RoundTrip(codec, batch, output, decoded); // warm up: JIT, scratch buffers

        var before = GC.GetAllocatedBytesForCurrentThread();
        output.ResetWrittenCount();
        codec.Encode(batch, output);
        var encodeBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        decoded.Clear();
        before = GC.GetAllocatedBytesForCurrentThread();
        codec.Decode(output.WrittenSpan, decoded);
        var decodePerTuple = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)BatchSize;

        encodeBytes.ShouldBe(0);
        decodePerTuple.ShouldBeLessThanOrEqualTo(72 + 24 + (3 * 16)); // the Tuple, and its Value[3]
        decoded[7].Tuple!.GetInteger(0).ShouldBe(7);
        decoded[7].Tuple!.GetLong(1).ShouldBe(7L << 40);
        decoded[7].Tuple!.GetDouble(2).ShouldBe(3.5);
    }

    private static void RoundTrip(EnvelopeCodec codec, TupleBatch batch, ArrayBufferWriter<byte> output, List<Envelope> decoded)
    {
        output.ResetWrittenCount();
        codec.Encode(batch, output);
        decoded.Clear();
        codec.Decode(output.WrittenSpan, decoded);
    }

    private sealed class NumbersSpout : BaseRichSpout
    {
        public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("i", "l", "d"));

        public override void Open(Config conf, TopologyContext context, SpoutOutputCollector collector)
        {
        }

        public override void NextTuple()
        {
        }
    }
}
