using System.Collections;
using System.Globalization;

namespace Squall.Trident;

/// <summary>The values an operation sees, named by the fields it asked for (Storm's <c>TridentTuple</c>).</summary>
public sealed class TridentTuple : IReadOnlyList<object?>
{
    private readonly object?[] _values;

    internal TridentTuple(Fields fields, object?[] values)
    {
        Fields = fields;
        _values = values;
    }

    /// <summary>The names of the values.</summary>
    public Fields Fields { get; }

    /// <inheritdoc/>
    public int Count => _values.Length;

    /// <inheritdoc/>
    public object? this[int index] => _values[index];

    /// <summary>The value at <paramref name="index"/>.</summary>
    public object? GetValue(int index) => _values[index];

    /// <summary>The string at <paramref name="index"/>.</summary>
    public string? GetString(int index) => (string?)_values[index];

    /// <summary>The integral number at <paramref name="index"/>, widened to a long.</summary>
    public long GetLong(int index) => Convert.ToInt64(_values[index], CultureInfo.InvariantCulture);

    /// <summary>The integral number at <paramref name="index"/>.</summary>
    public int GetInteger(int index) => Convert.ToInt32(_values[index], CultureInfo.InvariantCulture);

    /// <summary>The value of <paramref name="field"/>.</summary>
    public object? GetValueByField(string field) => _values[Fields.FieldIndex(field)];

    /// <summary>The string value of <paramref name="field"/>.</summary>
    public string? GetStringByField(string field) => GetString(Fields.FieldIndex(field));

    /// <summary>The integral value of <paramref name="field"/>, as a long.</summary>
    public long GetLongByField(string field) => GetLong(Fields.FieldIndex(field));

    /// <summary>A copy of the values.</summary>
    public object?[] GetValues() => (object?[])_values.Clone();

    /// <inheritdoc/>
    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(", ", _values) + "]";
}
