namespace Squall.Trident.Runtime;

/// <summary>
/// One operation inside a node's task. A node's processors form a tree: tuples enter at the root, each processor hands
/// its output to its children, and when a batch is complete <see cref="Finish"/> runs from the root down, so an
/// aggregator emits its result into the operations after it before they finish in turn.
/// </summary>
internal abstract class Processor
{
    private readonly List<Processor> _children = [];

    /// <summary>This processor's index into <see cref="TrackedBatch.Slots"/>.</summary>
    public int Slot { get; set; }

    public IReadOnlyList<Processor> Children => _children;

    protected NodeContext Node { get; private set; } = null!;

    public void Add(Processor child) => _children.Add(child);

    public virtual void Prepare(NodeContext node) => Node = node;

    /// <summary>One tuple of <paramref name="batch"/>; <paramref name="input"/> says which input of the node it came from (joins).</summary>
    public abstract void Execute(TrackedBatch batch, int input, object?[] values);

    /// <summary>The batch is complete: emit what waited for it, then let the children finish.</summary>
    public virtual void Finish(TrackedBatch batch)
    {
        foreach (var child in _children)
        {
            child.Finish(batch);
        }
    }

    public virtual void Cleanup()
    {
    }

    protected void Emit(TrackedBatch batch, object?[] values)
    {
        foreach (var child in _children)
        {
            child.Execute(batch, 0, values);
        }
    }

    protected T SlotOf<T>(TrackedBatch batch)
        where T : class, new() => (T)(batch.Slots[Slot] ??= new T());
}
