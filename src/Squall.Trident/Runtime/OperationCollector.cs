using Squall.Trident.Operation;

namespace Squall.Trident.Runtime;

/// <summary>Hands a user operation's emits to a processor's children, as the processor says to combine them with the input.</summary>
internal sealed class OperationCollector(NodeContext node, Action<object?[]> emit) : ITridentCollector
{
    public void Emit(params object?[] values) => emit(values);

    public void ReportError(Exception error) => node.ReportError(error);
}
