namespace Squall.Multilang;

/// <summary>
/// A host-side metric a child updates with the <c>metrics</c> command (Storm's shell-updatable metrics).
/// Register it on the component with <c>RegisterMetric(name, metric)</c>.
/// </summary>
public interface IShellMetric
{
    /// <summary>Applies the <c>params</c> the child sent; throw to reject them (the child is then restarted).</summary>
    void Update(object? parameters);
}
