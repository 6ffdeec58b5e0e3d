namespace Squall.Drpc.Topology;

/// <summary>A DRPC spout tuple's message id: the server's request id and which server it came from.</summary>
internal sealed record DrpcMessageId(string RequestId, int Server);
