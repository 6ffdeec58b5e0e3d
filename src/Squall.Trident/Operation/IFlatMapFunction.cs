namespace Squall.Trident.Operation;

/// <summary>Replaces each tuple by zero or more new tuples (Storm's <c>FlatMapFunction</c>).</summary>
public interface IFlatMapFunction
{
    /// <summary>The new tuples' values, each in the order of the flat map's output fields.</summary>
    IEnumerable<object?[]> Execute(TridentTuple input);
}
