using System.Collections;

namespace Squall.Stateful;

/// <summary>
/// A key-value map saved by the framework. Keys and values go through the tuple codec, so primitives, strings, byte arrays,
/// lists, maps and user types with a registered serializer all work. Reads see the bolt's own uncommitted writes.
/// </summary>
public abstract class KeyValueState<TKey, TValue> : State, IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public abstract void Put(TKey key, TValue value);

    /// <summary>The value of <paramref name="key"/>, or default if it has none.</summary>
    public abstract TValue? Get(TKey key);

    /// <summary>The value of <paramref name="key"/>, or <paramref name="defaultValue"/> if it has none.</summary>
    public abstract TValue Get(TKey key, TValue defaultValue);

    /// <summary>Removes <paramref name="key"/>, returning the value it had, or default.</summary>
    public abstract TValue? Delete(TKey key);

    /// <summary>Every key and value, uncommitted changes included.</summary>
    public abstract IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
