using System.Globalization;

namespace Squall.Multilang;

/// <summary>Storm's count metric: null adds one, an integer adds itself, anything else is an error.</summary>
public sealed class ShellCountMetric : IShellMetric
{
    private long _value;

    /// <summary>The count so far.</summary>
    public long Value => Interlocked.Read(ref _value);

    /// <inheritdoc/>
    public void Update(object? parameters)
    {
        var increment = parameters switch
        {
            null => 1L,
            long or int or short or sbyte or byte or ushort or uint => Convert.ToInt64(parameters, CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"A count metric takes null or an integer, not '{parameters}'.", nameof(parameters)),
        };
        Interlocked.Add(ref _value, increment);
    }
}
