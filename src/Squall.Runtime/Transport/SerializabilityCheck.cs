using System.Buffers;
using Squall.Wire.Codec;

namespace Squall.Runtime.Transport;

/// <summary>
/// Fails an emit at once, in local mode too, when one of its values could not cross workers: the first value
/// of each user type a task emits is encoded through the topology's serializers, and a failure names the
/// component, the stream, the type and <c>topology.kryo.register</c>.
/// </summary>
/// <remarks>
/// It runs on every emit, so its common cases cost compares, not lookups: primitives and strings (sealed
/// types: one compare each) pass at once, and the last type that passed is remembered, so a stream of one
/// user type pays one more compare per value. Only a type other than the last one looks in the set of types
/// seen, and only a type never seen is encoded.
/// </remarks>
internal sealed class SerializabilityCheck
{
    private readonly SerializerRegistry _registry;
    private readonly HashSet<Type> _encodable = [typeof(byte[])];
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private Type? _lastPassed;

    public SerializabilityCheck(SerializerRegistry registry) => _registry = registry;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Check(Value[] values, string componentId, string streamId)
    {
        foreach (var value in values)
        {
            var held = value.Reference;
            if (held is null or string or InlineKind || held.GetType() == _lastPassed)
            {
                continue;
            }

            CheckType(held, componentId, streamId);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void CheckType(object value, string componentId, string streamId)
    {
        if (!_encodable.Contains(value.GetType()))
        {
            CheckFirst(value, componentId, streamId);
        }

        _lastPassed = value.GetType();
    }

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

    public static InvalidOperationException Unserializable(string componentId, string streamId, Type type, WireEncodingException cause)
    {
        var remedy = cause.Serializer is { } serializer
            ? $"Fix the serializer '{serializer}' registered under '{Config.TopologyKryoRegister}': it must not throw."
            : $"Register a serializer for it under '{Config.TopologyKryoRegister}' (a Squall.Wire.Codec.ValueSerializer<{type.Name}>)"
                + $", or make it a plain record or class of serializable members with '{Config.TopologyFallBackOnJavaSerialization}' on (the default).";
        return new InvalidOperationException(
            $"Component '{componentId}' emitted on stream '{streamId}' a value of type '{type.FullName}' that cannot be serialized between workers: {cause.Message} {remedy}",
            cause);
    }
}
