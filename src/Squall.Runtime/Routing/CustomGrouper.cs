namespace Squall.Runtime.Routing;

/// <summary>Adapts a user's <see cref="ICustomStreamGrouping"/>, checking that it only picks subscribed tasks.</summary>
internal sealed class CustomGrouper : IGrouper
{
    private readonly ICustomStreamGrouping _grouping;
    private readonly HashSet<int> _allowed;
    private readonly string _description;
    private int[] _buffer = new int[4];

    public CustomGrouper(ICustomStreamGrouping grouping, IReadOnlyList<int> targets, string description)
    {
        _grouping = grouping;
        _allowed = [.. targets];
        _description = description;
    }

    public ReadOnlySpan<int> Choose(int sourceTask, Value[] values)
    {
        var chosen = _grouping.ChooseTasks(sourceTask, new Values(values));
        if (chosen.Count > _buffer.Length)
        {
            _buffer = new int[chosen.Count];
        }

        for (var i = 0; i < chosen.Count; i++)
        {
            var task = chosen[i];
            _buffer[i] = _allowed.Contains(task)
                ? task
                : throw new InvalidOperationException($"The custom grouping of {_description} chose task {task}, which does not subscribe to it (tasks: {string.Join(", ", _allowed.Order())}).");
        }

        return new ReadOnlySpan<int>(_buffer, 0, chosen.Count);
    }
}
