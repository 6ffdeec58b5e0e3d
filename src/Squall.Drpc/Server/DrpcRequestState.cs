namespace Squall.Drpc.Server;

/// <summary>One request's immutable state: what was asked, where it is, since when.</summary>
internal sealed record DrpcRequestState(string Id, string Function, string Args, DrpcRequestKind Kind, DateTimeOffset Created, DateTimeOffset Since)
{
    public static DrpcRequestState Called(string id, string function, string args, DateTimeOffset now) =>
        new(id, function, args, DrpcRequestKind.Waiting, now, now);
}
