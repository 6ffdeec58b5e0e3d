namespace Squall;

/// <summary>
/// Beyond Storm: a spout that wants to know why a tuple tree failed. When a spout implements this, the
/// runtime calls this overload instead of <see cref="ISpout.Fail(object)"/>.
/// </summary>
public interface IFailureAwareSpout : ISpout
{
    /// <summary>The tree of <paramref name="messageId"/> failed for <paramref name="reason"/>.</summary>
    void Fail(object messageId, FailureReason reason);
}
