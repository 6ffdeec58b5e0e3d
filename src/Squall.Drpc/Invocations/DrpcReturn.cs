namespace Squall.Drpc.Invocations;

/// <summary>What a topology sends back for one request: its result, or (Error set) why it failed.</summary>
internal sealed record DrpcReturn(string Id, string? Result, string? Error)
{
    public static DrpcReturn Success(string id, string result) => new(id, result, null);

    public static DrpcReturn Failure(string id, string reason) => new(id, null, reason);
}
