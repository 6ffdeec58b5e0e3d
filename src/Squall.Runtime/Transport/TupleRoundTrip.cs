using System.Buffers;
using Squall.Wire.Codec;

namespace Squall.Runtime.Transport;

/// <summary>
/// <c>topology.testing.always.try.serialize</c>: passes every emitted tuple's values through the wire codec
/// even inside one worker, so a value that cannot cross workers fails in tests, naming the component.
/// </summary>
internal sealed class TupleRoundTrip
{
    private readonly SerializerRegistry _registry;
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public TupleRoundTrip(SerializerRegistry registry) => _registry = registry;

    public Value[] Apply(Value[] values, string componentId, string streamId)
    {
        _buffer.ResetWrittenCount();
        try
        {
            var writer = new WireWriter<ArrayBufferWriter<byte>>(_buffer, _registry);
            foreach (var value in values)
            {
                writer.WriteValue(value.AsObject());
            }

            writer.Commit();
        }
        catch (WireEncodingException e)
        {
            throw SerializabilityCheck.Unserializable(componentId, streamId, e.ValueType ?? typeof(object), e);
        }

        var reader = new WireReader(_buffer.WrittenSpan, _registry);
        var copy = new Value[values.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Value.FromObject(reader.ReadValue());
        }

        return copy;
    }
}
