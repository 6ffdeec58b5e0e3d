namespace Squall.Drpc.Invocations;

/// <summary>A request as a spout receives it (Storm's <c>DRPCRequest</c>): the server's request id and the argument.</summary>
internal sealed record DrpcInvocation(string Id, string Args);
