namespace Squall.Trident.Runtime;

/// <summary>The values of the group-by fields of a tuple, compared by value (a dictionary key).</summary>
internal readonly struct GroupKey(object?[] values) : IEquatable<GroupKey>
{
    public object?[] Values { get; } = values;

    public bool Equals(GroupKey other)
    {
        if (Values.Length != other.Values.Length)
        {
            return false;
        }

        for (var i = 0; i < Values.Length; i++)
        {
            if (!Equals(Values[i], other.Values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
