namespace Squall.ZooKeeper.Recipes;

/// <summary>Raised when a <see cref="LeaderElection"/> candidate gains or loses leadership.</summary>
public sealed class LeadershipChangedEventArgs(bool isLeader) : EventArgs
{
    public bool IsLeader { get; } = isLeader;
}
