namespace Squall.ZooKeeper.Jute;

/// <summary>Reserved xids: the server answers these outside the normal request/response pairing.</summary>
internal static class SpecialXid
{
    public const int Notification = -1;
    public const int Ping = -2;
    public const int Auth = -4;
    public const int SetWatches = -8;
}
