namespace Squall.Runtime.Execution;

/// <summary>
/// A tuple's root → edge-id map, stored as one inline pair (<c>RootId</c>, <c>EdgeId</c>) plus, only for tuples
/// anchored to several trees, a flat array of further pairs.
/// </summary>
internal static class AnchorIds
{
    /// <summary>XORs <paramref name="edge"/> into <paramref name="tuple"/>'s id for every root of <paramref name="anchor"/>.</summary>
    public static void XorFrom(Tuple tuple, Tuple anchor, long edge)
    {
        Xor(tuple, anchor.RootId, edge);
        if (anchor.ExtraAnchors is { } extra)
        {
            for (var i = 0; i < extra.Length; i += 2)
            {
                Xor(tuple, extra[i], edge);
            }
        }
    }

    private static void Xor(Tuple tuple, long root, long edge)
    {
        if (tuple.RootId == 0)
        {
            tuple.RootId = root;
            tuple.EdgeId = edge;
            return;
        }

        if (tuple.RootId == root)
        {
            tuple.EdgeId ^= edge;
            return;
        }

        var extra = tuple.ExtraAnchors;
        if (extra is not null)
        {
            for (var i = 0; i < extra.Length; i += 2)
            {
                if (extra[i] == root)
                {
                    extra[i + 1] ^= edge;
                    return;
                }
            }
        }

        var grown = new long[(extra?.Length ?? 0) + 2];
        extra?.CopyTo(grown, 0);
        grown[^2] = root;
        grown[^1] = edge;
        tuple.ExtraAnchors = grown;
    }
}
