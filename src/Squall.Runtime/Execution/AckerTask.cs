using Squall.Runtime.Acking;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>An <c>__acker</c> task: feeds ack-protocol messages to its ledger and tells spouts the verdicts.</summary>
internal sealed class AckerTask : TaskRunner
{
    private readonly AckerLedger _ledger = new(TopologyOptions.TimeoutBuckets);

    public AckerTask(WorkerContext worker, int taskId)
        : base(worker, Constants.AckerComponentId, taskId)
    {
    }

    public override void Handle(ref Envelope envelope)
    {
        Metrics.Executed++;
        var outcome = envelope.Kind switch
        {
            MessageKind.AckInit => _ledger.Init(envelope.Root, envelope.Value, envelope.SourceTask),
            MessageKind.Ack => _ledger.Ack(envelope.Root, envelope.Value),
            MessageKind.Fail => _ledger.Fail(envelope.Root, envelope.Reason!),
            _ => default,
        };

        if (envelope.Kind == MessageKind.ResetTimeout && _ledger.ResetTimeout(envelope.Root) is var spout and >= 0)
        {
            SendTo(spout, MessageKind.ResetTimeout, envelope.Root);
        }

        switch (outcome.Kind)
        {
            case AckOutcomeKind.Completed:
                Metrics.Acked++;
                SendTo(outcome.SpoutTask, MessageKind.TreeCompleted, envelope.Root);
                break;
            case AckOutcomeKind.Failed:
                Metrics.Failed++;
                SendTo(outcome.SpoutTask, MessageKind.TreeFailed, envelope.Root, reason: outcome.Reason);
                break;
        }
    }

    public override void OnControl(ControlMessage message)
    {
        if (message.Kind == ControlKind.RotateTimeouts)
        {
            _ledger.Expire();
        }
    }

    protected override void StartCore()
    {
    }

    protected override void StopCore()
    {
    }
}
