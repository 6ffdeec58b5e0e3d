namespace Squall.Drpc.Server;

/// <summary>What can happen to a request: the inputs of <see cref="DrpcRequestLifecycle.Step"/>.</summary>
internal abstract record DrpcRequestInput
{
    private DrpcRequestInput()
    {
    }

    /// <summary>A spout took it.</summary>
    public sealed record Fetched : DrpcRequestInput;

    /// <summary>The topology returned a result (ReturnResults).</summary>
    public sealed record Result(string Value) : DrpcRequestInput;

    /// <summary>The topology failed it (the spout's Fail, with the reason).</summary>
    public sealed record Failure(string Reason) : DrpcRequestInput;

    /// <summary>Time passed. <paramref name="FunctionServed"/>: a spout asked for the request's function recently.</summary>
    public sealed record Tick(bool FunctionServed) : DrpcRequestInput;

    /// <summary>The server is stopping.</summary>
    public sealed record Shutdown : DrpcRequestInput;
}
