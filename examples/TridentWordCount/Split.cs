using Squall.Trident.Operation;

namespace TridentWordCount;

/// <summary>Emits each word of the sentence.</summary>
public sealed class Split : BaseFunction
{
    public override void Execute(TridentTuple tuple, ITridentCollector collector)
    {
        ArgumentNullException.ThrowIfNull(tuple);
        ArgumentNullException.ThrowIfNull(collector);
        foreach (var word in tuple.GetString(0)!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            collector.Emit(word);
        }
    }
}
