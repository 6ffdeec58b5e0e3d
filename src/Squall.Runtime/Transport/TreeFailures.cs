using Squall.Runtime.Messaging;

namespace Squall.Runtime.Transport;

/// <summary>
/// The Fail messages for a tuple the transport had to drop (it could not be encoded, or not decoded): one to
/// the acker of every tree it is anchored in, as the receiving task's own <c>Fail</c> would send, so a
/// reliable spout hears why at once instead of after its message timeout.
/// </summary>
internal static class TreeFailures
{
    public static IEnumerable<Envelope> Of(TaskLayout layout, Tuple tuple, int failingTask, FailureReason reason)
    {
        if (tuple.RootId == 0)
        {
            yield break;
        }

        yield return Fail(layout, tuple.RootId, failingTask, reason);
        if (tuple.ExtraAnchors is { } extra)
        {
            // Extra anchors are (root, edge) pairs.
            for (var i = 0; i < extra.Length; i += 2)
            {
                yield return Fail(layout, extra[i], failingTask, reason);
            }
        }
    }

    private static Envelope Fail(TaskLayout layout, long root, int failingTask, FailureReason reason)
    {
        var acker = layout.AckerOf(root);
        return Envelope.ForAck(MessageKind.Fail, acker, root, 0, failingTask, reason);
    }
}
