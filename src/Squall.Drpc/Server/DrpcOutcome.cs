namespace Squall.Drpc.Server;

/// <summary>How a request ended: a result, or an error of some kind with a message for the caller.</summary>
internal sealed record DrpcOutcome(string? Result, DrpcErrorKind Error, string? Message)
{
    public bool Succeeded => Result is not null;

    public static DrpcOutcome Success(string result) => new(result, default, null);

    public static DrpcOutcome Failure(DrpcErrorKind kind, string message) => new(null, kind, message);

    public DrpcException ToException() => new(Error, Message ?? "DRPC request failed");
}
