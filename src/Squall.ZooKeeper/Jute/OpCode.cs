namespace Squall.ZooKeeper.Jute;

/// <summary>Request types from ZooKeeper's ZooDefs.OpCode (only those this client sends or reads).</summary>
internal enum OpCode
{
    Error = -1,
    CloseSession = -11,
    Create = 1,
    Delete = 2,
    Exists = 3,
    GetData = 4,
    SetData = 5,
    GetAcl = 6,
    SetAcl = 7,
    Sync = 9,
    Ping = 11,
    GetChildren2 = 12,
    Check = 13,
    Multi = 14,
    Auth = 100,
    SetWatches = 101,
}
