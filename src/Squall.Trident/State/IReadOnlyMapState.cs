namespace Squall.Trident.State;

/// <summary>A map state as a query sees it (Storm's <c>ReadOnlyMapState</c>): keys are lists of values.</summary>
public interface IReadOnlyMapState
{
    /// <summary>The current value of each key (null where absent), in order, in one round trip.</summary>
    IReadOnlyList<object?> MultiGet(IReadOnlyList<IReadOnlyList<object?>> keys);
}
