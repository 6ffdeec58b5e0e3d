namespace Squall;

/// <summary>The collector of an <see cref="IBasicBolt"/>: every emit is anchored to the current input.</summary>
public sealed class BasicOutputCollector
{
    private readonly OutputCollector _output;

    internal BasicOutputCollector(OutputCollector output) => _output = output;

    internal Tuple? Input { get; set; }

    private Tuple Anchor => Input ?? throw new InvalidOperationException("A basic bolt can only emit while executing a tuple.");

    /// <summary>Emits to the default stream, anchored to the input.</summary>
    public TaskIds Emit(Values values) => _output.Emit(Anchor, values);

    /// <summary>Emits to <paramref name="streamId"/>, anchored to the input.</summary>
    public TaskIds Emit(string streamId, Values values) => _output.Emit(streamId, Anchor, values);

    /// <summary>Emits to task <paramref name="taskId"/> on the default stream, anchored to the input.</summary>
    public void EmitDirect(int taskId, Values values) => _output.EmitDirect(taskId, Anchor, values);

    /// <summary>Emits to task <paramref name="taskId"/> on <paramref name="streamId"/>, anchored to the input.</summary>
    public void EmitDirect(int taskId, string streamId, Values values) => _output.EmitDirect(taskId, streamId, [Anchor], values);

    /// <summary>Restarts the message timeout of the input's trees.</summary>
    public void ResetTimeout() => _output.ResetTimeout(Anchor);

    /// <summary>Reports an error for this component.</summary>
    public void ReportError(Exception error) => _output.ReportError(error);
}
