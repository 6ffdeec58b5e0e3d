using Squall.Trident.Runtime;

namespace Squall.Trident.Planner;

/// <summary>A processor of a node as planned: how to make it, the fields it outputs, and the processors after it.</summary>
internal sealed class ProcessorPlan(Func<Processor> factory, Fields fields, bool isSink = false)
{
    public Func<Processor> Factory { get; } = factory;

    public Fields Fields { get; } = fields;

    /// <summary>Sends out of the node rather than computing: never the end of a user's stream.</summary>
    public bool IsSink { get; } = isSink;

    public List<ProcessorPlan> Children { get; } = [];

    public ProcessorPlan Add(ProcessorPlan child)
    {
        Children.Add(child);
        return child;
    }

    /// <summary>The processors, made for one task, with their slots numbered depth-first from <paramref name="slots"/>.</summary>
    public Processor Instantiate(ref int slots)
    {
        var processor = Factory();
        processor.Slot = slots++;
        foreach (var child in Children)
        {
            processor.Add(child.Instantiate(ref slots));
        }

        return processor;
    }
}
