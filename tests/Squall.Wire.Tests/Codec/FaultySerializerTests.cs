using System.Buffers;
using Squall.Wire.Codec;
using Squall.Wire.Tests.Support;

namespace Squall.Wire.Tests.Codec;

/// <summary>A user serializer that fails, writing or reading, costs the value it failed on and never the bytes around it.</summary>
[Trait("Category", "Unit")]
public sealed class FaultySerializerTests
{
    private static readonly SerializerRegistry Registry = new SerializerRegistry().Register(new GadgetSerializer());

    [Fact]
    public void A_serializer_that_throws_half_way_leaves_nothing_written_and_is_named()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter<ArrayBufferWriter<byte>>(output, Registry);
        writer.WriteValue(1);
        WireEncodingException? error = null;
        try
        {
            writer.WriteValue(new Gadget(7, "write"));
        }
        catch (WireEncodingException e)
        {
            error = e;
        }

        writer.WriteValue(new Gadget(8, "fine"));
        writer.Commit();

        error.ShouldNotBeNull().ValueType.ShouldBe(typeof(Gadget));
        error.Serializer.ShouldBe(typeof(GadgetSerializer).FullName);
        error.Message.ShouldContain($"'{typeof(Gadget).FullName}'");
        error.Message.ShouldContain($"'{typeof(GadgetSerializer).FullName}' failed: gadget 7 will not be written");
        var reader = new WireReader(output.WrittenSpan, Registry);
        reader.ReadValue().ShouldBe(1);
        reader.ReadValue().ShouldBe(new Gadget(8, "fine"));
        reader.End.ShouldBeTrue();
    }

    [Theory]
    [InlineData("throw", "it threw: gadget 7 will not be read")]
    [InlineData("short", "it read 7 of the 8 bytes written")]
    [InlineData("long", "it threw:")]
    public void A_serializer_that_throws_or_reads_too_few_or_too_many_bytes_costs_that_value_only(string fault, string why)
    {
        var bytes = Encode(new Gadget(6, "fine"), new Gadget(7, fault), new object?[] { new Gadget(8, fault), 2 }, 3);
        var second = Encode(new Gadget(6, "fine")).Length;

        var error = Should.Throw<UndecodableValueException>(() => ReadOne(bytes, second));
        error.TypeName.ShouldBe(typeof(Gadget).FullName);
        error.Serializer.ShouldBe(typeof(GadgetSerializer).FullName);
        error.Message.ShouldContain($"The serializer '{typeof(GadgetSerializer).FullName}' failed to read a '{typeof(Gadget).FullName}': {why}");
        // The reader reads on after the bad gadget, and after the whole list holding another one.
        ReadRest(bytes, skip: 3).ShouldBe(new object?[] { 3 });
    }

    [Fact]
    public void A_user_type_with_no_serializer_registered_on_the_reading_side_costs_that_value_only()
    {
        var bytes = Encode(new Gadget(7, "fine"), 3);
        var elsewhere = new SerializerRegistry();

        var tag = SerializerRegistry.DefaultTag(typeof(Gadget));
        Should.Throw<UndecodableValueException>(() => ReadOne(bytes, 0, elsewhere)).Message.ShouldContain($"No serializer is registered here for type tag {tag}");
        ReadRest(bytes, skip: 1, elsewhere).ShouldBe(new object?[] { 3 });
    }

    private static byte[] Encode(params object?[] values)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter<ArrayBufferWriter<byte>>(output, Registry);
        foreach (var value in values)
        {
            writer.WriteValue(value);
        }

        writer.Commit();
        return output.WrittenSpan.ToArray();
    }

    private static object? ReadOne(byte[] bytes, int at, SerializerRegistry? registry = null) =>
        new WireReader(bytes.AsSpan(at), registry ?? Registry).ReadValue();

    /// <summary>Reads every value after the first <paramref name="skip"/>, any of which may be undecodable.</summary>
    private static List<object?> ReadRest(byte[] bytes, int skip, SerializerRegistry? registry = null)
    {
        var reader = new WireReader(bytes, registry ?? Registry);
        for (var i = 0; i < skip; i++)
        {
            try
            {
                reader.ReadValue();
            }
            catch (UndecodableValueException)
            {
                // skipped, and the reader stands after it
            }
        }

        List<object?> rest = [];
        while (!reader.End)
        {
            rest.Add(reader.ReadValue());
        }

        return rest;
    }
}
