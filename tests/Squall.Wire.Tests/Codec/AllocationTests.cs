using System.Buffers;
using Squall.Wire.Codec;

namespace Squall.Wire.Tests.Codec;

[Trait("Category", "Unit")]
public class AllocationTests
{
    [Fact]
    public void Encoding_primitives_strings_and_typed_arrays_does_not_allocate()
    {
        object?[] values = [1, 2L, "text", 1.5, 2.5f, true, null, 'c', 3m, Guid.Empty, DateTime.UnixEpoch,
            TimeSpan.Zero, (byte)1, new byte[] { 1 }, new int[] { 1, 2 }, new List<long> { 3 }, new double[] { 0.5 }, new List<string> { "s" }];
        var output = new ArrayBufferWriter<byte>(4096);
        Encode(output, values);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            output.ResetWrittenCount();
            Encode(output, values);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Encoding_a_user_type_allocates_nothing_once_its_scratch_buffer_is_warm()
    {
        var registry = new SerializerRegistry().Register(new Support.PointSerializer());
        object?[] values = [new Support.Point(1, -2, "label"), 3];
        var output = new ArrayBufferWriter<byte>(4096);
        Encode(output, values, registry);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            output.ResetWrittenCount();
            Encode(output, values, registry);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    private static void Encode(ArrayBufferWriter<byte> output, object?[] values, SerializerRegistry? registry = null)
    {
        var writer = new WireWriter<ArrayBufferWriter<byte>>(output, registry);
        foreach (var value in values)
        {
            writer.WriteValue(value);
        }

        writer.WriteUInt64(ulong.MaxValue);
        writer.WriteVarInt32(-1);
        writer.Commit();
    }
}
