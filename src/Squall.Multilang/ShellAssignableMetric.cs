namespace Squall.Multilang;

/// <summary>Storm's assignable metric: each update replaces the value.</summary>
public sealed class ShellAssignableMetric : IShellMetric
{
    private object? _value;

    /// <summary>The last value the child sent.</summary>
    public object? Value => Volatile.Read(ref _value);

    /// <inheritdoc/>
    public void Update(object? parameters) => Volatile.Write(ref _value, parameters);
}
