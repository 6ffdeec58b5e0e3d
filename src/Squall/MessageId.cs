namespace Squall;

/// <summary>
/// The tuple trees a tuple belongs to (Storm's <c>MessageId</c>): for each root (spout tuple) id, the XOR of the
/// edge ids this tuple contributes to it. Empty when the tuple is untracked.
/// </summary>
public sealed class MessageId : IEquatable<MessageId>
{
    private static readonly MessageId Unanchored = new(new Dictionary<long, long>());

    private MessageId(IReadOnlyDictionary<long, long> anchorsToIds) => AnchorsToIds = anchorsToIds;

    /// <summary>Root id to edge id.</summary>
    public IReadOnlyDictionary<long, long> AnchorsToIds { get; }

    /// <summary>The root ids (Storm's <c>getAnchors</c>).</summary>
    public IEnumerable<long> Anchors => AnchorsToIds.Keys;

    /// <summary>Creates a message id from root id to edge id pairs (for tests and test tuples).</summary>
    public static MessageId Make(IReadOnlyDictionary<long, long> anchorsToIds)
    {
        ArgumentNullException.ThrowIfNull(anchorsToIds);
        return new MessageId(new Dictionary<long, long>(anchorsToIds));
    }

    /// <inheritdoc/>
    public bool Equals(MessageId? other) =>
        other is not null && other.AnchorsToIds.Count == AnchorsToIds.Count
        && AnchorsToIds.All(p => other.AnchorsToIds.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MessageId);

    /// <inheritdoc/>
    public override int GetHashCode() => AnchorsToIds.Aggregate(0, (h, p) => h ^ HashCode.Combine(p.Key, p.Value));

    /// <inheritdoc/>
    public override string ToString() => "{" + string.Join(", ", AnchorsToIds.Select(p => $"{p.Key}={p.Value}")) + "}";

    internal static MessageId From(long root, long edge, long[]? extra)
    {
        if (root == 0)
        {
            return Unanchored;
        }

        var map = new Dictionary<long, long> { [root] = edge };
        for (var i = 0; extra is not null && i < extra.Length; i += 2)
        {
            map[extra[i]] = extra[i + 1];
        }

        return new MessageId(map);
    }
}
