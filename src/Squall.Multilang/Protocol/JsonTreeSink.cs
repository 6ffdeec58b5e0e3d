using System.Text.Json;

namespace Squall.Multilang.Protocol;

/// <summary>Writes a value tree as compact JSON; byte arrays become base64 strings, as JSON has no binary.</summary>
internal sealed class JsonTreeSink : ITreeSink
{
    private readonly Utf8JsonWriter _writer;

    public JsonTreeSink(Utf8JsonWriter writer) => _writer = writer;

    public void WriteNull() => _writer.WriteNullValue();

    public void WriteBoolean(bool value) => _writer.WriteBooleanValue(value);

    public void WriteInt64(long value) => _writer.WriteNumberValue(value);

    public void WriteUInt64(ulong value) => _writer.WriteNumberValue(value);

    public void WriteDouble(double value)
    {
        // JSON has no NaN or infinity; Python's json would accept them, but node's JSON.parse would not.
        if (double.IsFinite(value))
        {
            _writer.WriteNumberValue(value);
        }
        else
        {
            _writer.WriteNullValue();
        }
    }

    public void WriteString(string value) => _writer.WriteStringValue(value);

    public void WriteBinary(ReadOnlySpan<byte> value) => _writer.WriteBase64StringValue(value);

    public void BeginArray(int count) => _writer.WriteStartArray();

    public void EndArray() => _writer.WriteEndArray();

    public void BeginMap(int count) => _writer.WriteStartObject();

    public void WriteKey(string key) => _writer.WritePropertyName(key);

    public void EndMap() => _writer.WriteEndObject();
}
