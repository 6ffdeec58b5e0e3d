namespace Reach;

/// <summary>url → (id, sharer) for everyone who shared it.</summary>
public sealed class GetSharers : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "sharer"));

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        if (SocialGraph.Sharers.TryGetValue(input.GetString(1) ?? string.Empty, out var sharers))
        {
            foreach (var sharer in sharers)
            {
                collector.Emit(new Values(input.GetValue(0), sharer));
            }
        }
    }
}

/// <summary>sharer → (id, follower) for each of the sharer's followers.</summary>
public sealed class GetFollowers : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "follower"));

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        if (SocialGraph.Followers.TryGetValue(input.GetString(1) ?? string.Empty, out var followers))
        {
            foreach (var follower in followers)
            {
                collector.Emit(new Values(input.GetValue(0), follower));
            }
        }
    }
}

/// <summary>Counts the distinct followers this task saw for one request (fields-grouped on id and follower, so no follower is counted by two tasks).</summary>
public sealed class PartialDistinct : BaseBatchBolt
{
    private readonly HashSet<string> _followers = new(StringComparer.Ordinal);
    private BatchOutputCollector? _collector;
    private object? _id;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "partial-count"));

    public override void Prepare(Config conf, TopologyContext context, BatchOutputCollector collector, object id)
    {
        _collector = collector;
        _id = id;
    }

    public override void Execute(Tuple tuple) => _followers.Add(tuple.GetString(1)!);

    // Every task reports, even with 0: the aggregator then always emits one result per request.
    public override void FinishBatch() => _collector!.Emit(new Values(_id, _followers.Count));
}

/// <summary>Sums the partial counts of one request into its reach.</summary>
public sealed class SumCounts : BaseBatchBolt
{
    private BatchOutputCollector? _collector;
    private object? _id;
    private long _sum;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "reach"));

    public override void Prepare(Config conf, TopologyContext context, BatchOutputCollector collector, object id)
    {
        _collector = collector;
        _id = id;
    }

    public override void Execute(Tuple tuple) => _sum += tuple.GetInteger(1);

    public override void FinishBatch() => _collector!.Emit(new Values(_id, _sum));
}
