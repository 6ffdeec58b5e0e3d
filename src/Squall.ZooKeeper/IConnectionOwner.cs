using Squall.ZooKeeper.Jute;

namespace Squall.ZooKeeper;

/// <summary>What a <see cref="Connection"/> reports to the session that owns it.</summary>
internal interface IConnectionOwner
{
    int NextXid();

    void OnReply(PendingRequest request, ReplyHeader header, ReadOnlySpan<byte> body);

    void OnNotification(WatcherEventRecord notification);
}
