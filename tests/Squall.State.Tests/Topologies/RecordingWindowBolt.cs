using Squall.Stateful;
using Squall.Windowing;

namespace Squall.State.Tests.Topologies;

/// <summary>A stateful windowed bolt that records its activations and checkpoints into a <see cref="WindowRecorder"/>.</summary>
public sealed class RecordingWindowBolt(WindowRecorder recorder) : BaseStatefulWindowedBolt<KeyValueState<string, long>>
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector)
    {
    }

    public override void InitState(KeyValueState<string, long> state)
    {
    }

    public override void Execute(TupleWindow inputWindow) => recorder.Activated(inputWindow);

    public override void PrePrepare(long txid) => recorder.Preparing();

    public override void PreCommit(long txid) => recorder.Committing();
}
