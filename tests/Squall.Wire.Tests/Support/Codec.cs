using System.Buffers;
using Squall.Wire.Codec;

namespace Squall.Wire.Tests.Support;

internal static class Codec
{
    public static byte[] Encode(object? value, SerializerRegistry? registry = null)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter<ArrayBufferWriter<byte>>(output, registry);
        writer.WriteValue(value);
        writer.Commit();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Decodes one value and insists that it used every byte.</summary>
    public static object? Decode(ReadOnlySpan<byte> bytes, SerializerRegistry? registry = null)
    {
        var reader = new WireReader(bytes, registry);
        var value = reader.ReadValue();
        if (!reader.End)
        {
            throw new WireFormatException($"{reader.Remaining} trailing bytes");
        }

        return value;
    }

    public static object? RoundTrip(object? value, SerializerRegistry? registry = null) =>
        Decode(Encode(value, registry), registry);
}
