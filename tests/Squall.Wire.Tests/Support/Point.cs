using System.Buffers;
using Squall.Wire.Codec;

namespace Squall.Wire.Tests.Support;

public sealed record Point(int X, int Y, string Label);

/// <summary>A user serializer, also constructed by name in registry tests, hence public.</summary>
public sealed class PointSerializer : ValueSerializer<Point>
{
    public override void Write<TBufferWriter>(ref WireWriter<TBufferWriter> writer, Point value)
    {
        writer.WriteVarInt32(value.X);
        writer.WriteVarInt32(value.Y);
        writer.WriteString(value.Label);
    }

    public override Point Read(ref WireReader reader) =>
        new(reader.ReadVarInt32(), reader.ReadVarInt32(), reader.ReadString());
}

/// <summary>Wraps a nested value: a user type whose payload recurses into the codec.</summary>
public sealed record Envelope(object? Inner);

public sealed class EnvelopeSerializer : ValueSerializer<Envelope>
{
    public override void Write<TBufferWriter>(ref WireWriter<TBufferWriter> writer, Envelope value) =>
        writer.WriteValue(value.Inner);

    public override Envelope Read(ref WireReader reader) => new(reader.ReadValue());
}
