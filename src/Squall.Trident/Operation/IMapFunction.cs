namespace Squall.Trident.Operation;

/// <summary>Replaces each tuple by one new tuple (Storm's <c>MapFunction</c>).</summary>
public interface IMapFunction
{
    /// <summary>The values of the new tuple, in the order of the map's output fields.</summary>
    object?[] Execute(TridentTuple input);
}
