using System.Buffers;
using Squall.Wire.Codec;

namespace Squall.Wire.Tests.Codec;

/// <summary>The unboxed reads: they take an int, long or double only when the next value is one, and otherwise read nothing.</summary>
[Trait("Category", "Unit")]
public class TypedReadTests
{
    [Fact]
    public void Typed_reads_take_their_own_type_and_leave_anything_else_to_ReadValue()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter<ArrayBufferWriter<byte>>(output);
        writer.WriteInt32Value(-300);
        writer.WriteInt64Value(long.MinValue);
        writer.WriteDoubleValue(0.25);
        writer.WriteValue("text");
        writer.WriteValue(5);
        writer.Commit();

        var reader = new WireReader(output.WrittenSpan);
        reader.TryReadInt64Value(out _).ShouldBeFalse("an int is not a long");
        reader.TryReadInt32Value(out var i).ShouldBeTrue();
        i.ShouldBe(-300);
        reader.TryReadInt32Value(out _).ShouldBeFalse("a long is not an int");
        reader.TryReadInt64Value(out var l).ShouldBeTrue();
        l.ShouldBe(long.MinValue);
        reader.TryReadDoubleValue(out var d).ShouldBeTrue();
        d.ShouldBe(0.25);
        reader.TryReadDoubleValue(out _).ShouldBeFalse();
        reader.TryReadInt32Value(out _).ShouldBeFalse();
        reader.ReadValue().ShouldBe("text");
        reader.ReadValue().ShouldBe(5);
        reader.End.ShouldBeTrue();
        reader.TryReadInt32Value(out _).ShouldBeFalse("nothing left");
    }
}
