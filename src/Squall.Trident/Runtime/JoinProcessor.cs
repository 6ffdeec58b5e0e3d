namespace Squall.Trident.Runtime;

/// <summary>
/// An inner join of two streams of the same batch, on key fields (both sides arrive partitioned by their keys): the
/// output is the key, then the left's other fields, then the right's.
/// </summary>
internal sealed class JoinProcessor(Projection leftKey, Projection leftRest, Projection rightKey, Projection rightRest) : Processor
{
    public override void Execute(TrackedBatch batch, int input, object?[] values)
    {
        var sides = SlotOf<Sides>(batch);
        var (key, rest, side) = input == 0 ? (leftKey, leftRest, sides.Left) : (rightKey, rightRest, sides.Right);
        var group = new GroupKey(key.Select(values));
        if (!side.TryGetValue(group, out var rows))
        {
            side[group] = rows = [];
        }

        rows.Add(rest.Select(values));
    }

    public override void Finish(TrackedBatch batch)
    {
        var sides = SlotOf<Sides>(batch);
        foreach (var (key, lefts) in sides.Left)
        {
            if (!sides.Right.TryGetValue(key, out var rights))
            {
                continue;
            }

            foreach (var left in lefts)
            {
                foreach (var right in rights)
                {
                    Emit(batch, Projection.Concat(Projection.Concat(key.Values, left), right));
                }
            }
        }

        base.Finish(batch);
    }

    private sealed class Sides
    {
        public Dictionary<GroupKey, List<object?[]>> Left { get; } = [];

        public Dictionary<GroupKey, List<object?[]>> Right { get; } = [];
    }
}
