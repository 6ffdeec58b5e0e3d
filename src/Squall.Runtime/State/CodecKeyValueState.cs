using Squall.Stateful;

namespace Squall.Runtime.State;

/// <summary>A <see cref="KeyValueState{TKey, TValue}"/> over a provider's byte store, keys and values encoded by the tuple codec.</summary>
internal sealed class CodecKeyValueState<TKey, TValue> : KeyValueState<TKey, TValue>
    where TKey : notnull
{
    private readonly KeyValueStore _store;
    private readonly StateSerializer _serializer;

    public CodecKeyValueState(KeyValueStore store, StateSerializer serializer)
    {
        _store = store;
        _serializer = serializer;
    }

    public KeyValueStore Store => _store;

    public override void Put(TKey key, TValue value) => _store.Put(_serializer.Serialize(key), _serializer.Serialize(value));

    public override TValue? Get(TKey key) => _store.Get(_serializer.Serialize(key)) is { } bytes ? Convert(_serializer.Deserialize(bytes)) : default;

    public override TValue Get(TKey key, TValue defaultValue) =>
        _store.Get(_serializer.Serialize(key)) is { } bytes ? Convert(_serializer.Deserialize(bytes))! : defaultValue;

    public override TValue? Delete(TKey key)
    {
        var encoded = _serializer.Serialize(key);
        var previous = _store.Get(encoded) is { } bytes ? Convert(_serializer.Deserialize(bytes)) : default;
        _store.Delete(encoded);
        return previous;
    }

    public override IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        foreach (var (key, value) in _store.Scan())
        {
            yield return new((TKey)ConvertKey(_serializer.Deserialize(key))!, Convert(_serializer.Deserialize(value))!);
        }
    }

    public override void PrepareCommit(long txid) => _store.PrepareCommit(txid);

    public override void Commit(long txid) => _store.Commit(txid);

    public override void Commit() => _store.Commit();

    public override void Rollback() => _store.Rollback();

    // The codec returns a number as the type it was written as; a state declared long may have been written as int elsewhere.
    private static TValue? Convert(object? value) => value switch
    {
        null => default,
        TValue typed => typed,
        IConvertible convertible when typeof(TValue).IsPrimitive || Nullable.GetUnderlyingType(typeof(TValue)) is not null =>
            (TValue)System.Convert.ChangeType(convertible, Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue), System.Globalization.CultureInfo.InvariantCulture),
        _ => (TValue)value,
    };

    private static object? ConvertKey(object? key) => key is IConvertible c && typeof(TKey).IsPrimitive && key is not TKey
        ? System.Convert.ChangeType(c, typeof(TKey), System.Globalization.CultureInfo.InvariantCulture)
        : key;
}
