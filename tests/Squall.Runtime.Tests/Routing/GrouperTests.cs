using Squall.Runtime.Routing;

namespace Squall.Runtime.Tests.Routing;

[Trait("Category", "Unit")]
public sealed class GrouperTests
{
    private static readonly int[] FourTasks = [3, 4, 5, 6];

    [Fact]
    public void Shuffle_gives_each_of_4_tasks_exactly_a_quarter_of_100k_tuples()
    {
        var grouper = new ShuffleGrouper(FourTasks, seed: 7);
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < 100_000; i++)
        {
            var task = grouper.Choose(1, [i])[0];
            counts[task] = counts.GetValueOrDefault(task) + 1;
        }

        counts.Keys.Order().ShouldBe(FourTasks);
        // Every pass over the shuffled targets gives each one tuple, so 100k tuples split exactly.
        counts.Values.ShouldAllBe(count => count == 25_000);
    }

    [Fact]
    public void Fields_sends_fixed_keys_to_fixed_task_indices()
    {
        // Computed once and hard-coded: a change of hash (or of its encoding) must fail here, since it would
        // move every key to another task across a restart or between processes.
        var expected = new Dictionary<string, int>
        {
            ["apple"] = 2,
            ["banana"] = 1,
            ["cherry"] = 2,
            ["storm"] = 2,
            ["squall"] = 3,
            [""] = 0,
        };
        var grouper = new FieldsGrouper(FourTasks, new FieldsHasher(new Fields("word", "n"), new Fields("word")));

        var actual = expected.Keys.ToDictionary(k => k, k => grouper.Choose(1, [k, 1])[0] - FourTasks[0]);

        actual.ShouldBe(expected);
    }

    [Fact]
    public void Fields_ignores_the_non_grouping_fields_and_the_source_task()
    {
        var grouper = new FieldsGrouper(FourTasks, new FieldsHasher(new Fields("word", "n"), new Fields("word")));

        var chosen = Enumerable.Range(0, 50).Select(i => grouper.Choose(i, ["storm", i])[0]).Distinct();

        chosen.Count().ShouldBe(1);
    }

    [Fact]
    public void Fields_hashes_a_key_of_several_primitives_as_their_boxed_encoding()
    {
        // Keys are hashed from the inline values, without boxing; the bytes, and so the task of every key, must
        // be those of the boxed values the codec writes (StableHash over objects), whatever the primitive.
        Value[] tuple = ["w", 7, 8L, 1.5, 2.5f, true, (short)-3, (byte)4, 'c', Value.Null];
        var fields = new Fields("s", "i", "l", "d", "f", "b", "h", "y", "c", "n");
        var hasher = new FieldsHasher(fields, fields);

        hasher.Hash(tuple, seed: 11).ShouldBe(Squall.Wire.Hashing.StableHash.Hash([.. tuple.Select(v => v.AsObject())], seed: 11));
        foreach (var (value, field) in tuple.Zip(fields))
        {
            new FieldsHasher(fields, new Fields(field)).Hash(tuple).ShouldBe(Squall.Wire.Hashing.StableHash.Hash(value.AsObject()), field);
        }
    }

    [Fact]
    public void Global_picks_the_lowest_task_id()
    {
        FixedGrouper.Global([9, 4, 7]).Choose(1, ["x"]).ToArray().ShouldBe([4]);
    }

    [Fact]
    public void All_picks_every_task()
    {
        FixedGrouper.All(FourTasks).Choose(1, ["x"]).ToArray().ShouldBe(FourTasks);
    }

    [Fact]
    public void Partial_key_spreads_a_hot_key_over_exactly_two_tasks_evenly()
    {
        var grouper = new PartialKeyGrouper(FourTasks, new FieldsHasher(new Fields("word"), new Fields("word")));
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < 1000; i++)
        {
            var task = grouper.Choose(1, ["hot"])[0];
            counts[task] = counts.GetValueOrDefault(task) + 1;
        }

        counts.Count.ShouldBe(2);
        counts.Values.ShouldAllBe(c => c == 500);
    }

    [Fact]
    public void Partial_key_keeps_every_key_on_at_most_two_tasks()
    {
        var grouper = new PartialKeyGrouper(FourTasks, new FieldsHasher(new Fields("word"), new Fields("word")));
        var tasksOfKey = new Dictionary<string, HashSet<int>>();
        for (var i = 0; i < 10_000; i++)
        {
            var key = $"k{i % 37}";
            var task = grouper.Choose(1, [key])[0];
            (tasksOfKey.TryGetValue(key, out var set) ? set : tasksOfKey[key] = []).Add(task);
        }

        tasksOfKey.Values.ShouldAllBe(s => s.Count <= 2);
    }
}
