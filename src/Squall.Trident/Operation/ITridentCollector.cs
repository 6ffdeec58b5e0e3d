namespace Squall.Trident.Operation;

/// <summary>Where an operation emits its output values (Storm's <c>TridentCollector</c>).</summary>
public interface ITridentCollector
{
    /// <summary>Emits one tuple: the values of the operation's output fields, in order.</summary>
    void Emit(params object?[] values);

    /// <summary>Reports an error to the UI and the logs without failing the batch.</summary>
    void ReportError(Exception error);
}
