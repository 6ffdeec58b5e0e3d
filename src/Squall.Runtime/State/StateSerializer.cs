using System.Buffers;
using Squall.Runtime.Transport;
using Squall.Wire.Codec;

namespace Squall.Runtime.State;

/// <summary>Encodes state keys and values with the tuple codec, so every type a tuple can carry (user types included) can be state.</summary>
public sealed class StateSerializer
{
    private readonly SerializerRegistry? _registry;

    /// <summary>A serializer using the user types registered in <paramref name="conf"/> (<c>topology.kryo.register</c>).</summary>
    public StateSerializer(Config conf) => _registry = SerializerRegistryFactory.From(conf);

    /// <summary>The encoding of <paramref name="value"/>.</summary>
    public byte[] Serialize(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        var writer = new WireWriter<ArrayBufferWriter<byte>>(buffer, _registry);
        writer.WriteValue(value);
        writer.Commit();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The value encoded in <paramref name="bytes"/>.</summary>
    public object? Deserialize(byte[] bytes)
    {
        var reader = new WireReader(bytes, _registry);
        return reader.ReadValue();
    }
}
