namespace Squall.Trident.Operation;

/// <summary>Keeps or drops each tuple (Storm's <c>Filter</c>).</summary>
public interface IFilter : IOperation
{
    /// <summary>Whether <paramref name="tuple"/> (its input fields only) stays in the stream.</summary>
    bool IsKeep(TridentTuple tuple);
}
