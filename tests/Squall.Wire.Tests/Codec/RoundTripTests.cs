using System.Collections;
using Squall.Wire.Codec;
using Squall.Wire.Tests.Support;

namespace Squall.Wire.Tests.Codec;

[Trait("Category", "Unit")]
public class RoundTripTests
{
    public static TheoryData<object?> EdgeValues() => new(
        null, true, false,
        sbyte.MinValue, sbyte.MaxValue, (sbyte)0, byte.MinValue, byte.MaxValue,
        short.MinValue, short.MaxValue, (short)-1, ushort.MinValue, ushort.MaxValue,
        int.MinValue, int.MaxValue, 0, -1, 63, -64, 64, uint.MinValue, uint.MaxValue,
        long.MinValue, long.MaxValue, 0L, -1L, ulong.MinValue, ulong.MaxValue,
        0f, -0f, float.NaN, BitConverter.Int32BitsToSingle(0x7FC0_1234), float.PositiveInfinity, float.NegativeInfinity,
        float.Epsilon, float.MaxValue, float.MinValue,
        0d, -0d, double.NaN, BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_DEAD_BEEF)),
        double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, double.MinValue,
        decimal.MinValue, decimal.MaxValue, 0m, -0m, 1.0000m, 0.0000000000000000000000000001m,
        char.MinValue, char.MaxValue, 'x', '\uD83D',
        "", "hello", "h\u00e9llo w\u00f6rld", "\U0001F600 emoji \U00010348 gothic", "\0nul",
        Array.Empty<byte>(), new byte[] { 0, 1, 255 },
        DateTime.MinValue, DateTime.MaxValue, new DateTime(2024, 2, 29, 12, 0, 0, DateTimeKind.Utc),
        new DateTime(2024, 2, 29, 12, 0, 0, DateTimeKind.Local), new DateTime(2024, 2, 29, 12, 0, 0, DateTimeKind.Unspecified),
        DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(-14)),
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(345)),
        TimeSpan.MinValue, TimeSpan.MaxValue, TimeSpan.Zero, TimeSpan.FromTicks(-1),
        Guid.Empty, new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Array.Empty<object>(), new object?[] { 1, null, "a" }, new int[] { int.MinValue, 0, int.MaxValue },
        new long[] { long.MinValue, 3 }, new List<int> { 1, 2 }, new List<long> { -5 }, new List<string> { "a", "b" },
        new string[] { "x" }, new ArrayList { 1, "two", 3.0 }, new double[] { double.NaN, -0d },
        new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, new Dictionary<object, object?> { [1] = null, ["k"] = new object?[] { 1L } },
        new Hashtable { [1L] = "one" }, new Dictionary<int, string>());

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void Value_round_trips(object? value) =>
        Equivalence.ShouldBeEquivalent(Support.Codec.RoundTrip(value), value);

    [Fact]
    public void Megabyte_strings_and_byte_arrays_round_trip()
    {
        var random = new Random(1);
        var text = string.Create(1 << 20, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)r.Next(0x20, 0xD7FF);
            }
        });
        var bytes = new byte[1 << 20];
        random.NextBytes(bytes);

        Support.Codec.RoundTrip(text).ShouldBe(text);
        Support.Codec.RoundTrip(bytes).ShouldBe(bytes);
    }

    [Fact]
    public void Nesting_up_to_max_depth_round_trips()
    {
        object? value = "leaf";
        for (var i = 0; i < WireFormat.MaxDepth; i++)
        {
            value = i % 2 == 0 ? new object?[] { value } : new Dictionary<object, object?> { [i] = value };
        }

        Equivalence.ShouldBeEquivalent(Support.Codec.RoundTrip(value), value);
    }

    [Fact]
    public void Nesting_beyond_max_depth_and_cycles_fail_to_encode()
    {
        object? value = 1;
        for (var i = 0; i <= WireFormat.MaxDepth; i++)
        {
            value = new List<object?> { value };
        }

        Should.Throw<WireEncodingException>(() => Support.Codec.Encode(value));
        var cycle = new List<object?>();
        cycle.Add(cycle);
        Should.Throw<WireEncodingException>(() => Support.Codec.Encode(cycle)).Message.ShouldContain("cycle");
    }

    [Fact]
    public void Unsupported_type_fails_naming_the_type()
    {
        var ex = Should.Throw<WireEncodingException>(() => Support.Codec.Encode(new Point(1, 2, "p")));
        ex.Message.ShouldContain(typeof(Point).FullName!);
        ex.ValueType.ShouldBe(typeof(Point));
        Should.Throw<WireEncodingException>(() => Support.Codec.Encode(new object?[] { 1, new Uri("http://x") }))
            .Message.ShouldContain("System.Uri");
    }

    [Fact]
    public void Lone_surrogate_in_a_string_fails_to_encode_instead_of_changing()
    {
        Should.Throw<WireEncodingException>(() => Support.Codec.Encode("a\uD800b"));
    }

    [Fact]
    public void Registered_user_types_round_trip_nested_in_built_ins()
    {
        var registry = new SerializerRegistry().Register(new PointSerializer()).Register(new EnvelopeSerializer());
        var value = new object?[] { new Point(-3, 4, "p\u00e9"), new Envelope(new Envelope(new Dictionary<object, object?> { ["pt"] = new Point(0, 0, "") })) };

        var decoded = (object?[])Support.Codec.RoundTrip(value, registry)!;

        decoded[0].ShouldBe(new Point(-3, 4, "p\u00e9"));
        var inner = ((Envelope)((Envelope)decoded[1]!).Inner!).Inner.ShouldBeOfType<Dictionary<object, object?>>();
        inner["pt"].ShouldBe(new Point(0, 0, ""));
    }

    [Fact]
    public void Primitives_interleave_with_values_for_headers()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>(1);
        var writer = new WireWriter<System.Buffers.ArrayBufferWriter<byte>>(output);
        writer.WriteVarUInt32(7);
        writer.WriteUInt64(0xDEADBEEFCAFEF00DUL);
        writer.WriteString("default");
        writer.WriteVarInt64(-2);
        writer.WriteValue("v");
        writer.WriteBytes([1, 2, 3]);
        writer.WriteDouble(-0d);
        writer.Commit();

        var reader = new WireReader(output.WrittenSpan);
        reader.ReadVarUInt32().ShouldBe(7u);
        reader.ReadUInt64().ShouldBe(0xDEADBEEFCAFEF00DUL);
        reader.ReadString().ShouldBe("default");
        reader.ReadVarInt64().ShouldBe(-2);
        reader.ReadValue().ShouldBe("v");
        reader.ReadBytes().ToArray().ShouldBe(new byte[] { 1, 2, 3 });
        BitConverter.DoubleToUInt64Bits(reader.ReadDouble()).ShouldBe(BitConverter.DoubleToUInt64Bits(-0d));
        reader.End.ShouldBeTrue();
    }

    [Fact]
    public void Reader_accepts_multi_segment_sequences()
    {
        var bytes = Support.Codec.Encode(new object?[] { "across", 1234567L, new byte[] { 9 } });
        var first = new Segment(bytes.AsMemory(0, 5));
        var last = first.Append(bytes.AsMemory(5));
        var reader = new WireReader(new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        Equivalence.ShouldBeEquivalent(reader.ReadValue(), new object?[] { "across", 1234567L, new byte[] { 9 } });
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(127UL)]
    [InlineData(128UL)]
    [InlineData(ulong.MaxValue)]
    public void Varints_round_trip_at_boundaries(ulong value)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new WireWriter<System.Buffers.ArrayBufferWriter<byte>>(output);
        writer.WriteVarUInt64(value);
        writer.WriteVarInt64((long)value);
        writer.Commit();
        var reader = new WireReader(output.WrittenSpan);
        reader.ReadVarUInt64().ShouldBe(value);
        reader.ReadVarInt64().ShouldBe((long)value);
    }

    private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
