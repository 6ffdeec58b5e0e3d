using Squall.Runtime;
using Squall.Runtime.State;
using Squall.Trident.Builtin;
using Squall.Trident.Operation;
using Squall.Trident.Spout;
using Squall.Trident.State;

namespace Squall.Trident.Tests.Local;

/// <summary>The stream operations on a small fixed batch: what each one emits, per batch.</summary>
[Trait("Category", "Integration")]
public sealed class StreamOperationTests : IDisposable
{
    private static readonly object?[][] People = [["ann", 31L, "oslo"], ["bob", 25L, "rome"], ["cid", 40L, "oslo"], ["dan", 25L, "lima"]];
    private readonly LocalCluster _cluster = new();
    private readonly InMemoryMapStoreFactory _store = new();

    [Fact]
    public async Task Each_map_flat_map_project_and_filter_transform_every_tuple()
    {
        var key = TridentHarness.Unique("ops");
        var (topology, people) = Topology(key);
        people.Filter(new Fields("age"), () => new Older(26))
            .Map(() => new Upper(), new Fields("name", "age", "city"))
            .FlatMap(() => new Twice(), new Fields("name", "age", "city"))
            .Each(new Fields("name"), () => new Greeting(), new Fields("greeting"))
            .Project(new Fields("greeting", "age"))
            .Recorded(key);
        await Run(topology, key);

        Batch(key, 1).ShouldBe([["hi ANN", 31L], ["hi ANN", 31L], ["hi CID", 40L], ["hi CID", 40L]], ignoreOrder: true);
    }

    [Fact]
    public async Task Grouped_and_global_aggregates_give_one_result_per_group_and_per_batch()
    {
        var key = TridentHarness.Unique("aggregates");
        var (topology, people) = Topology(key);
        people.GroupBy(new Fields("city")).Aggregate(new Fields("age"), () => new Sum(), new Fields("total")).Recorded(key + "/grouped");
        people.Aggregate(new Fields(), () => new Count(), new Fields("count")).Recorded(key + "/count");
        people.Aggregate(new Fields("name"), () => new Names(), new Fields("names")).Recorded(key + "/reduced");
        people.Shuffle().ParallelismHint(2).PartitionAggregate(new Fields("age"), () => new Oldest(), new Fields("oldest"))
            .Global().Aggregate(new Fields("oldest"), () => new Max(), new Fields("max")).Recorded(key + "/general");
        await Run(topology, key);

        Batch(key + "/grouped", 1).ShouldBe([["oslo", 71L], ["rome", 25L], ["lima", 25L]], ignoreOrder: true);
        Batch(key + "/count", 1).ShouldBe([[4L]]);
        Batch(key + "/reduced", 1).Single()[0].ShouldBe(4);
        Batch(key + "/general", 1).ShouldBe([[40L]]);
        Batch(key + "/count", 2).ShouldBe([[0L]], "an empty batch counts 0");
    }

    [Fact]
    public async Task Merge_and_join_combine_streams_of_the_same_batch()
    {
        var key = TridentHarness.Unique("merge-join");
        var (topology, people) = Topology(key);
        var cities = people.Each(new Fields("city"), () => new CityCountry(), new Fields("country")).Project(new Fields("city", "country"));
        topology.Merge(people.Project(new Fields("name")), cities.Project(new Fields("city"))).Recorded(key + "/merge");
        topology.Join(people.Project(new Fields("name", "city")), new Fields("city"), cities, new Fields("city"), new Fields("city", "name", "country"))
            .Recorded(key + "/join");
        await Run(topology, key);

        Batch(key + "/merge", 1).Select(v => v[0]).ShouldBe(["ann", "bob", "cid", "dan", "oslo", "rome", "oslo", "lima"], ignoreOrder: true);
        Batch(key + "/join", 1).ShouldBe(
            [["oslo", "ann", "NO"], ["oslo", "ann", "NO"], ["oslo", "cid", "NO"], ["oslo", "cid", "NO"], ["rome", "bob", "IT"], ["lima", "dan", "PE"]],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Persistent_aggregate_with_a_reducer_and_a_global_key()
    {
        var key = TridentHarness.Unique("reducer");
        var state = MapStateFactory.Opaque(new InMemoryMapStoreFactory(), key);
        var (topology, people) = Topology(key);
        people.PersistentAggregate(state, new Fields("name"), () => new Names(), new Fields("names"));
        await Run(topology, key);

        using var map = state.Open(new Config());
        map.MultiGet([[]]).ShouldBe([4]);
    }

    [Fact]
    public void Bad_fields_are_reported_at_build_time_with_the_operation_and_the_fields()
    {
        var (topology, people) = Topology("bad");
        Should.Throw<ArgumentException>(() => people.Project(new Fields("nope"))).Message.ShouldStartWith("Project: field 'nope' is not in the stream's fields (name, age, city).");
        Should.Throw<ArgumentException>(() => topology.Merge(people, people.Project(new Fields("name")))).Message.ShouldStartWith("Merge: streams have different numbers of fields");
        Should.Throw<ArgumentException>(() => topology.NewStream("bad", () => new FixedBatchSpout(new Fields("x"), 1))).Message.ShouldStartWith("NewStream: transaction id 'bad' is already used");
    }

    public void Dispose() => _cluster.Dispose();

    private static IReadOnlyList<object?[]> Batch(string key, long txid) => [.. Record.Of(key).Where(v => (long)v[^1]! == txid).Select(v => v[..^1])];

    private (TridentTopology Topology, Stream People) Topology(string txId)
    {
        var topology = new TridentTopology(_store);
        return (topology, topology.NewStream(txId, () => new FixedBatchSpout(new Fields("name", "age", "city"), 4, People)));
    }

    /// <summary>Runs until batch 2 (empty: the spout's tuples all fit in batch 1) is committed, so batch 1 is done everywhere.</summary>
    private async Task Run(TridentTopology topology, string txId)
    {
        _cluster.SubmitTopology(txId, new Config(), topology.Build());
        await Wait.UntilAsync(() => TridentHarness.Committed(_store, txId) >= 2, TridentHarness.Patience, () => "two batches commit");
    }

    private sealed class Older(long age) : BaseFilter
    {
        public override bool IsKeep(TridentTuple tuple) => tuple.GetLong(0) > age;
    }

    private sealed class Upper : IMapFunction
    {
        public object?[] Execute(TridentTuple input) => [input.GetString(0)!.ToUpperInvariant(), input[1], input[2]];
    }

    private sealed class Twice : IFlatMapFunction
    {
        public IEnumerable<object?[]> Execute(TridentTuple input) => [input.GetValues(), input.GetValues()];
    }

    private sealed class Greeting : BaseFunction
    {
        public override void Execute(TridentTuple tuple, ITridentCollector collector) => collector.Emit("hi " + tuple.GetString(0));
    }

    private sealed class CityCountry : BaseFunction
    {
        public override void Execute(TridentTuple tuple, ITridentCollector collector) =>
            collector.Emit(tuple.GetString(0) switch { "oslo" => "NO", "rome" => "IT", _ => "PE" });
    }

    private sealed class Names : IReducerAggregator<int>
    {
        public int Init() => 0;

        public int Reduce(int curr, TridentTuple tuple) => curr + 1;
    }

    private sealed class Max : ICombinerAggregator<long>
    {
        public long Init(TridentTuple tuple) => tuple.GetLong(0);

        public long Combine(long val1, long val2) => Math.Max(val1, val2);

        public long Zero() => long.MinValue;
    }

    /// <summary>The general aggregator: emits the oldest age of the partition's batch, if any.</summary>
    private sealed class Oldest : BaseOperation, IAggregator<List<long>>
    {
        public List<long> Init(long batchId, ITridentCollector collector) => [];

        public void Aggregate(List<long> state, TridentTuple tuple, ITridentCollector collector) => state.Add(tuple.GetLong(0));

        public void Complete(List<long> state, ITridentCollector collector)
        {
            if (state.Count > 0)
            {
                collector.Emit(state.Max());
            }
        }
    }
}
