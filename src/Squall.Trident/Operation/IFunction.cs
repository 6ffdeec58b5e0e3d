namespace Squall.Trident.Operation;

/// <summary>Takes a tuple and emits zero or more tuples of new fields, appended to the input's (Storm's <c>Function</c>).</summary>
public interface IFunction : IOperation
{
    /// <summary>Processes <paramref name="tuple"/> (its input fields only).</summary>
    void Execute(TridentTuple tuple, ITridentCollector collector);
}
