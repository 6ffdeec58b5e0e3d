using Squall.Trident.Operation;

namespace Squall.Trident.Builtin;

/// <summary>Drops tuples with a null in any input field (Storm's <c>FilterNull</c>).</summary>
public sealed class FilterNull : BaseFilter
{
    /// <inheritdoc/>
    public override bool IsKeep(TridentTuple tuple)
    {
        ArgumentNullException.ThrowIfNull(tuple);
        foreach (var value in tuple)
        {
            if (value is null)
            {
                return false;
            }
        }

        return true;
    }
}
