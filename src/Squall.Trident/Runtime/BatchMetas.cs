using System.Globalization;
using Squall.Runtime.State;

namespace Squall.Trident.Runtime;

/// <summary>
/// A partition's batch metadata by txid, for the txids not yet committed and the last committed one (where the next
/// batch starts), saved in the coordinator store on every change so a restarted task replays the same batches.
/// </summary>
internal sealed class BatchMetas : IDisposable
{
    private readonly SortedList<long, object?> _metas = [];
    private CoordinatorStore? _store;
    private string _key = string.Empty;

    public void Open(IMapStoreFactory factory, string txId, Config conf, TopologyContext context)
    {
        _store = CoordinatorStore.Open(factory, conf);
        _key = txId + "/meta/" + context.ThisTaskIndex.ToString(CultureInfo.InvariantCulture);
        if (_store.Get(_key) is object?[] pairs)
        {
            for (var i = 0; i < pairs.Length; i += 2)
            {
                _metas[(long)pairs[i]!] = pairs[i + 1];
            }
        }
    }

    public bool TryGet(long txid, out object? meta) => _metas.TryGetValue(txid, out meta);

    /// <summary>The metadata of the greatest txid below <paramref name="txid"/>, null if none.</summary>
    public object? Before(long txid)
    {
        object? before = null;
        foreach (var (id, meta) in _metas)
        {
            if (id >= txid)
            {
                break;
            }

            before = meta;
        }

        return before;
    }

    /// <summary>Records <paramref name="txid"/>'s metadata; later txids are dropped, as they will be emitted again after it.</summary>
    public void Set(long txid, object? meta)
    {
        while (_metas.Count > 0 && _metas.Keys[^1] > txid)
        {
            _metas.RemoveAt(_metas.Count - 1);
        }

        _metas[txid] = meta;
        Save();
    }

    /// <summary><paramref name="txid"/> committed: older metadata is never needed again.</summary>
    public void Committed(long txid)
    {
        var removed = false;
        while (_metas.Count > 0 && _metas.Keys[0] < txid)
        {
            _metas.RemoveAt(0);
            removed = true;
        }

        if (removed)
        {
            Save();
        }
    }

    public void Dispose() => _store?.Dispose();

    private void Save()
    {
        var pairs = new object?[_metas.Count * 2];
        for (var i = 0; i < _metas.Count; i++)
        {
            pairs[2 * i] = _metas.Keys[i];
            pairs[(2 * i) + 1] = _metas.Values[i];
        }

        _store!.Put(_key, pairs);
    }
}
