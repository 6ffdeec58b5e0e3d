using Squall.Trident.Operation;

namespace Squall.Trident.Runtime;

/// <summary>Map and flat map: each input tuple is replaced by what the function returns.</summary>
internal sealed class MapProcessor(Func<TridentTuple, IEnumerable<object?[]>> mapper, Fields fields, int outputCount) : Processor
{
    public static MapProcessor Of(Func<IMapFunction> factory, Fields fields, int outputCount)
    {
        IMapFunction? function = null;
        return new MapProcessor(t => [(function ??= factory()).Execute(t)], fields, outputCount);
    }

    public static MapProcessor Of(Func<IFlatMapFunction> factory, Fields fields, int outputCount)
    {
        IFlatMapFunction? function = null;
        return new MapProcessor(t => (function ??= factory()).Execute(t), fields, outputCount);
    }

    public override void Execute(TrackedBatch batch, int input, object?[] values)
    {
        foreach (var output in mapper(new TridentTuple(fields, values)))
        {
            if (output.Length != outputCount)
            {
                throw new InvalidOperationException($"A map function returned {output.Length} values for {outputCount} output fields.");
            }

            Emit(batch, output);
        }
    }
}
