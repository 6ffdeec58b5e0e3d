using System.Collections;

namespace Squall;

/// <summary>The names of a stream's values, in order; resolves a name to its index once, not per tuple.</summary>
public sealed class Fields : IReadOnlyList<string>
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _index;

    /// <summary>Declares fields by name; names must be distinct.</summary>
    public Fields(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = (string[])names.Clone();
        _index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (!_index.TryAdd(names[i], i))
            {
                throw new ArgumentException($"Field '{names[i]}' is declared twice in ({string.Join(", ", names)}).", nameof(names));
            }
        }
    }

    /// <summary>Declares fields by name.</summary>
    public Fields(IEnumerable<string> names)
        : this(names.ToArray())
    {
    }

    /// <summary>The number of fields.</summary>
    public int Count => _names.Length;

    /// <summary>The field name at <paramref name="index"/>.</summary>
    public string this[int index] => _names[index];

    /// <summary>The index of <paramref name="field"/>; throws if the stream does not declare it.</summary>
    public int FieldIndex(string field) =>
        _index.TryGetValue(field, out var i) ? i : throw new ArgumentException($"Field '{field}' is not one of ({this}).", nameof(field));

    /// <summary>True when the stream declares <paramref name="field"/>.</summary>
    public bool Contains(string field) => _index.ContainsKey(field);

    /// <summary>The indices of <paramref name="selector"/>'s fields within these fields.</summary>
    public int[] Select(Fields selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var indices = new int[selector.Count];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = FieldIndex(selector[i]);
        }

        return indices;
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_names).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", _names);
}
