namespace Squall.Runtime.Messaging;

/// <summary>
/// Something that runs when it has work: an executor on the worker's pool. Producers call
/// <see cref="Activate"/> after handing it work (a batch, a control message, a mailbox action, room in a
/// queue it was waiting on); activating one that is already queued or running costs a volatile read.
/// </summary>
internal interface IActivatable
{
    void Activate();
}
