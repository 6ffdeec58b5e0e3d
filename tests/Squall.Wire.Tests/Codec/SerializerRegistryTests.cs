using Squall.Wire.Codec;
using Squall.Wire.Tests.Support;

namespace Squall.Wire.Tests.Codec;

[Trait("Category", "Unit")]
public class SerializerRegistryTests
{
    [Fact]
    public void Registration_by_type_names_as_config_carries_them()
    {
        var registry = new SerializerRegistry().Register(
            typeof(Point).AssemblyQualifiedName!, typeof(PointSerializer).AssemblyQualifiedName!);

        Support.Codec.RoundTrip(new Point(1, 2, "x"), registry).ShouldBe(new Point(1, 2, "x"));
    }

    [Fact]
    public void Default_tag_is_independent_of_registration_order()
    {
        var a = new SerializerRegistry().Register(new PointSerializer()).Register(new EnvelopeSerializer());
        var b = new SerializerRegistry().Register(new EnvelopeSerializer()).Register(new PointSerializer());
        var value = new Envelope(new Point(5, 6, "z"));

        Support.Codec.Decode(Support.Codec.Encode(value, a), b).ShouldBe(value);
    }

    [Fact]
    public void Bad_registrations_fail_clearly()
    {
        var registry = new SerializerRegistry().Register(new PointSerializer());

        Should.Throw<ArgumentException>(() => registry.Register(new PointSerializer())).Message.ShouldContain("already registered");
        Should.Throw<ArgumentException>(() => registry.Register(new EnvelopeSerializer(), SerializerRegistry.DefaultTag(typeof(Point))))
            .Message.ShouldContain("explicit tag");
        Should.Throw<ArgumentException>(() => registry.Register("No.Such.Type", typeof(PointSerializer).AssemblyQualifiedName!));
        Should.Throw<ArgumentException>(() => new SerializerRegistry().Register(
            typeof(Envelope).AssemblyQualifiedName!, typeof(PointSerializer).AssemblyQualifiedName!)).Message.ShouldContain("serializes");
    }

    [Fact]
    public void Unknown_tag_on_decode_is_a_format_error()
    {
        var bytes = Support.Codec.Encode(new Point(1, 1, ""), new SerializerRegistry().Register(new PointSerializer(), tag: 99));
        Should.Throw<WireFormatException>(() => Support.Codec.Decode(bytes, new SerializerRegistry())).Message.ShouldContain("99");
    }
}
