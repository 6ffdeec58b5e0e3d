using System.Buffers;
using Squall.Wire.Codec;

namespace Squall.Runtime.Transport;

/// <summary>
/// Fails an emit at once, in local mode too, when one of its values could not cross workers: the first value
/// of each user type a task emits is encoded through the topology's serializers, and a failure names the
/// component, the stream, the type and <c>topology.kryo.register</c>. Later values of a checked type cost a
/// set lookup; primitives, strings and byte arrays cost a type test.
/// </summary>
internal sealed class SerializabilityCheck
{
    private readonly SerializerRegistry _registry;
    private readonly HashSet<Type> _encodable = [];
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public SerializabilityCheck(SerializerRegistry registry) => _registry = registry;

    public void Check(Value[] values, string componentId, string streamId)
    {
        foreach (var value in values)
        {
            if (value.UserObject is { } obj && !_encodable.Contains(obj.GetType()))
            {
                CheckFirst(obj, componentId, streamId);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void CheckFirst(object value, string componentId, string streamId)
    {
        _buffer.ResetWrittenCount();
        try
        {
            var writer = new WireWriter<ArrayBufferWriter<byte>>(_buffer, _registry);
            writer.WriteValue(value);
            writer.Commit();
        }
        catch (WireEncodingException e)
        {
            throw Unserializable(componentId, streamId, e.ValueType ?? value.GetType(), e);
        }

        _encodable.Add(value.GetType());
    }

    public static InvalidOperationException Unserializable(string componentId, string streamId, Type type, Exception cause) => new(
        $"Component '{componentId}' emitted on stream '{streamId}' a value of type '{type.FullName}' that cannot be serialized between workers: "
        + $"{cause.Message} Register a serializer for it under '{Config.TopologyKryoRegister}' (a Squall.Wire.Codec.ValueSerializer<{type.Name}>)"
        + $", or make it a plain record or class of serializable members with '{Config.TopologyFallBackOnJavaSerialization}' on (the default).",
        cause);
}
