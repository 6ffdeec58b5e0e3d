namespace Squall.Trident.Runtime;

/// <summary>Selected fields of a tuple, resolved to indices once when the topology is built.</summary>
internal sealed class Projection(Fields fields, int[] indices)
{
    public Fields Fields { get; } = fields;

    public int[] Indices { get; } = indices;

    public static Projection Of(Fields from, Fields selected) => new(selected, from.Select(selected));

    public TridentTuple Apply(object?[] values) => new(Fields, Select(values));

    public object?[] Select(object?[] values)
    {
        var selected = new object?[Indices.Length];
        for (var i = 0; i < Indices.Length; i++)
        {
            selected[i] = values[Indices[i]];
        }

        return selected;
    }

    public static object?[] Concat(object?[] first, object?[] second)
    {
        var all = new object?[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
