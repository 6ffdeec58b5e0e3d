using System.Text.Json;
using Squall.Wire.Codec;

namespace Squall.Wire.Tests.Codec;

/// <summary>The fallback for user types without a registered serializer: used after registrations, lists and maps.</summary>
[Trait("Category", "Unit")]
public class FallbackSerializerTests
{
    [Fact]
    public void An_unregistered_type_goes_through_the_fallback_with_its_type_name()
    {
        var registry = new SerializerRegistry { Fallback = new JsonFallback() };

        var decoded = Support.Codec.RoundTrip(new Reading("t1", 21.5), registry);

        decoded.ShouldBe(new Reading("t1", 21.5));
    }

    [Fact]
    public void Registered_serializers_lists_and_maps_win_over_the_fallback()
    {
        var fallback = new JsonFallback();
        var registry = new SerializerRegistry { Fallback = fallback }.Register(new Support.PointSerializer());

        Support.Codec.RoundTrip(new Support.Point(1, 2, "p"), registry).ShouldBe(new Support.Point(1, 2, "p"));
        Support.Codec.RoundTrip(new List<object?> { new Reading("a", 1) }, registry).ShouldBeOfType<object?[]>()[0].ShouldBe(new Reading("a", 1));
        fallback.Serialized.ShouldBe(1);   // only the reading inside the list
    }

    [Fact]
    public void A_refused_type_is_an_encoding_error_naming_it()
    {
        var registry = new SerializerRegistry { Fallback = new JsonFallback() };

        var error = Should.Throw<WireEncodingException>(() => Support.Codec.Encode(new Refused(), registry));

        error.ValueType.ShouldBe(typeof(Refused));
        error.Message.ShouldContain("not allowed in this test");
    }

    [Fact]
    public void A_type_unknown_to_the_receiver_is_a_format_error_not_a_crash()
    {
        var bytes = Support.Codec.Encode(new Reading("x", 1), new SerializerRegistry { Fallback = new JsonFallback() });

        Should.Throw<WireFormatException>(() => Support.Codec.Decode(bytes, new SerializerRegistry { Fallback = new JsonFallback(resolve: false) }))
            .Message.ShouldContain(typeof(Reading).FullName!);
        Should.Throw<WireFormatException>(() => Support.Codec.Decode(bytes, new SerializerRegistry()));
    }

    [Fact]
    public void An_undecodable_value_is_read_whole_even_inside_a_list_or_map_so_the_reader_can_go_on()
    {
        var bytes = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new WireWriter<System.Buffers.ArrayBufferWriter<byte>>(bytes, new SerializerRegistry { Fallback = new JsonFallback() });
        writer.WriteValue(new Reading("top", 1));
        writer.WriteValue(new List<object?> { 1, new Reading("in a list", 2), 3 });
        writer.WriteValue(new Dictionary<string, object?> { ["a"] = new Reading("in a map", 3), ["b"] = 4 });
        writer.WriteValue("after");
        writer.Commit();

        var reader = new WireReader(bytes.WrittenSpan, new SerializerRegistry { Fallback = new JsonFallback(resolve: false) });
        string?[] undecodable = [ReadTypeNameOfUndecodable(ref reader), ReadTypeNameOfUndecodable(ref reader), ReadTypeNameOfUndecodable(ref reader)];

        undecodable.ShouldAllBe(name => name == typeof(Reading).FullName);
        reader.ReadValue().ShouldBe("after");
        reader.End.ShouldBeTrue();
    }

    private static string? ReadTypeNameOfUndecodable(ref WireReader reader)
    {
        try
        {
            reader.ReadValue();
            return null;
        }
        catch (UndecodableValueException e)
        {
            return e.TypeName;
        }
    }

    public sealed record Reading(string Sensor, double Celsius);

    public sealed class Refused;

    private sealed class JsonFallback(bool resolve = true) : IFallbackSerializer
    {
        public int Serialized { get; private set; }

        public string? Refuse(Type type) => type == typeof(Refused) ? "not allowed in this test" : null;

        public byte[] Serialize(object value)
        {
            Serialized++;
            return JsonSerializer.SerializeToUtf8Bytes(value, value.GetType());
        }

        public Type? ResolveType(string fullName) => resolve ? typeof(FallbackSerializerTests).Assembly.GetType(fullName) : null;

        public object Deserialize(ReadOnlyMemory<byte> payload, Type type) => JsonSerializer.Deserialize(payload.Span, type)!;
    }
}
