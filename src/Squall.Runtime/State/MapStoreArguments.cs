namespace Squall.Runtime.State;

/// <summary>The argument checks every <see cref="IMapStore"/> makes, so each store refuses bad input with the same message.</summary>
public static class MapStoreArguments
{
    /// <summary>Refuses null lists and lists of different lengths given to <see cref="IMapStore.MultiPut"/>.</summary>
    public static void Check(IReadOnlyList<byte[]> keys, IReadOnlyList<byte[]> values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (keys.Count != values.Count)
        {
            throw new ArgumentException($"MultiPut got {keys.Count} keys but {values.Count} values; each key needs the value at its index.", nameof(values));
        }
    }
}
