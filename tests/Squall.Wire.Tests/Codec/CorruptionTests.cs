using Squall.Wire.Codec;
using Squall.Wire.Tests.Support;

namespace Squall.Wire.Tests.Codec;

[Trait("Category", "Unit")]
public class CorruptionTests
{
    public static TheoryData<string, byte[]> CorruptBuffers => new()
    {
        { "empty", [] },
        { "unknown tag", [200] },
        { "huge string length", [15, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, (byte)'a'] },
        { "huge bytes length", [16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F] },
        { "huge list count", [21, 0xFF, 0xFF, 0xFF, 0x7F, 0] },
        { "huge map count", [22, 0x80, 0x80, 0x80, 0x80, 0x08, 0, 0] },
        { "varint too long", [9, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        { "varint overflows 64 bits", [10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02] },
        { "int32 overflow", [7, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F] },
        { "invalid utf8", [15, 2, 0xC3, 0x28] },
        { "decimal scale 29", [13, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 29, 0] },
        { "decimal stray flag bits", [13, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0] },
        { "DateTime kind 3", [17, 0, 0, 0, 0, 0, 0, 0, 0xC0] },
        { "DateTime ticks too big", [17, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x3F] },
        { "DateTimeOffset offset 15h", [18, 0, 0, 0, 0, 0, 0, 0x10, 0, 0x84, 0x03] },
        { "DateTimeOffset before min utc", [18, 0, 0, 0, 0, 0, 0, 0, 0, 0x3C, 0x00] },
        { "null map key", [22, 1, 0, 0] },
        { "duplicate map key", [22, 2, 7, 2, 0, 7, 2, 0] },
        { "custom without registry entry", [23, 1, 2, 3, 4] },
    };

    [Theory]
    [MemberData(nameof(CorruptBuffers))]
    public void Corrupt_buffer_throws_WireFormatException(string name, byte[] bytes) =>
        Should.Throw<WireFormatException>(() => Support.Codec.Decode(bytes), name);

    [Fact]
    public void Nesting_deeper_than_the_limit_throws_instead_of_overflowing_the_stack() =>
        Should.Throw<WireFormatException>(() => Support.Codec.Decode(DeepList(100_000))).Message.ShouldContain("nesting");

    [Fact]
    public void Throwing_user_serializer_is_reported_as_format_error()
    {
        var registry = new SerializerRegistry().Register(new PointSerializer());
        var bytes = Support.Codec.Encode(new Point(1, 2, "abc"), registry);
        bytes[^4] = 0xFF; // corrupt the label's UTF-8
        Should.Throw<WireFormatException>(() => Support.Codec.Decode(bytes, registry));
    }

    private static byte[] DeepList(int depth)
    {
        var bytes = new byte[(depth * 2) + 1];
        for (var i = 0; i < depth; i++)
        {
            bytes[2 * i] = 21;
            bytes[(2 * i) + 1] = 1;
        }

        return bytes;
    }
}
