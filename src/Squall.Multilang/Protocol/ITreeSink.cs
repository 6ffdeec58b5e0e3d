namespace Squall.Multilang.Protocol;

/// <summary>What a codec writes a value tree to; <see cref="TreeWalker"/> drives it.</summary>
internal interface ITreeSink
{
    void WriteNull();

    void WriteBoolean(bool value);

    void WriteInt64(long value);

    void WriteUInt64(ulong value);

    void WriteDouble(double value);

    void WriteString(string value);

    void WriteBinary(ReadOnlySpan<byte> value);

    void BeginArray(int count);

    void EndArray();

    void BeginMap(int count);

    void WriteKey(string key);

    void EndMap();
}
