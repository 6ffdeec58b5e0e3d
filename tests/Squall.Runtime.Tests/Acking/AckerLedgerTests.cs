using Squall.Runtime.Acking;

namespace Squall.Runtime.Tests.Acking;

/// <summary>
/// The XOR ledger alone. Each scenario lists the acker messages a tree produces, with edge ids drawn from a
/// seeded random source (so no subset XORs to zero by accident), and checks the verdict arrives exactly at
/// the last message, whatever the order.
/// </summary>
[Trait("Category", "Unit")]
public sealed class AckerLedgerTests
{
    private const long Root = 0x5EED;
    private const int SpoutTask = 3;
    private const int Buckets = 5;

    private static readonly FailureReason Boom = new(FailureKind.Failed, "bolt", 7, "boom");

    private abstract record Message;

    private sealed record Init(long Value) : Message;

    private sealed record Ack(long Value) : Message;

    private sealed record Fail : Message;

    [Fact]
    public void Branching_tree_completes_when_every_edge_is_acked()
    {
        var (e1, e2, c1) = Edges3(1);

        // spout → a (e1), b (e2); a emits c (c1) anchored to its input, then acks; b and c ack.
        Message[] messages = [new Init(e1 ^ e2), new Ack(e1 ^ c1), new Ack(e2), new Ack(c1)];

        AssertCompletesOnlyAtTheEnd(messages);
    }

    [Fact]
    public void Diamond_with_a_multi_anchored_tuple_completes_when_every_edge_is_acked()
    {
        var ids = Edges(2, 6);
        var (e1, e2, x, y, z1, z2) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);

        // spout → a (e1), b (e2); a → x, b → y, both to d; d emits z anchored to x and y (edges z1, z2), acks both; z is acked.
        Message[] messages = [new Init(e1 ^ e2), new Ack(e1 ^ x), new Ack(e2 ^ y), new Ack(x ^ z1), new Ack(y ^ z2), new Ack(z1 ^ z2)];

        AssertCompletesOnlyAtTheEnd(messages);
    }

    [Fact]
    public void Chain_of_tuples_each_anchored_to_its_input_completes_at_the_last_ack()
    {
        var ids = Edges(3, 4);

        // A bolt that re-emits each input anchored to it (to itself or downstream): the tree stays one chain.
        Message[] messages = [new Init(ids[0]), new Ack(ids[0] ^ ids[1]), new Ack(ids[1] ^ ids[2]), new Ack(ids[2] ^ ids[3]), new Ack(ids[3])];

        AssertCompletesOnlyAtTheEnd(messages);
    }

    [Fact]
    public void Tuple_anchored_twice_to_the_same_tree_through_one_edge_per_anchor_completes()
    {
        var (e, a1, a2) = Edges3(4);

        // The input is anchored twice (two emits): its ack carries both child edges.
        Message[] messages = [new Init(e), new Ack(e ^ a1 ^ a2), new Ack(a1), new Ack(a2)];

        AssertCompletesOnlyAtTheEnd(messages);
    }

    [Fact]
    public void Fail_after_partial_acks_fails_the_tree_with_its_reason()
    {
        var (e1, e2, _) = Edges3(5);
        var ledger = new AckerLedger(Buckets);
        ledger.Init(Root, e1 ^ e2, SpoutTask).Kind.ShouldBe(AckOutcomeKind.Pending);
        ledger.Ack(Root, e1).Kind.ShouldBe(AckOutcomeKind.Pending);

        var outcome = ledger.Fail(Root, Boom);

        outcome.ShouldBe(new AckOutcome(AckOutcomeKind.Failed, SpoutTask, Boom));
        ledger.Ack(Root, e2).Kind.ShouldBe(AckOutcomeKind.Pending, "a late ack of a failed tree must not complete it");
    }

    [Fact]
    public void Fail_before_the_init_fails_the_tree_when_the_init_arrives()
    {
        var ledger = new AckerLedger(Buckets);

        ledger.Fail(Root, Boom).Kind.ShouldBe(AckOutcomeKind.Pending);

        ledger.Init(Root, 42, SpoutTask).ShouldBe(new AckOutcome(AckOutcomeKind.Failed, SpoutTask, Boom));
        ledger.PendingCount.ShouldBe(0);
    }

    [Fact]
    public void Acks_that_overtake_the_init_and_cancel_out_wait_for_the_init()
    {
        var (e1, _, _) = Edges3(6);
        var ledger = new AckerLedger(Buckets);

        ledger.Ack(Root, e1).Kind.ShouldBe(AckOutcomeKind.Pending);

        ledger.Init(Root, e1, SpoutTask).ShouldBe(new AckOutcome(AckOutcomeKind.Completed, SpoutTask, null));
    }

    [Fact]
    public void Trees_are_independent_per_root()
    {
        var ledger = new AckerLedger(Buckets);
        ledger.Init(1, 11, spoutTask: 1);
        ledger.Init(2, 22, spoutTask: 2);

        ledger.Ack(1, 11).ShouldBe(new AckOutcome(AckOutcomeKind.Completed, 1, null));
        ledger.PendingCount.ShouldBe(1);
        ledger.Ack(2, 22).ShouldBe(new AckOutcome(AckOutcomeKind.Completed, 2, null));
    }

    [Fact]
    public void ResetTimeout_names_the_spout_task_of_the_tree()
    {
        var ledger = new AckerLedger(Buckets);
        ledger.Init(Root, 42, SpoutTask);

        ledger.ResetTimeout(Root).ShouldBe(SpoutTask);
        ledger.ResetTimeout(Root + 1).ShouldBe(-1, "an unknown tree has no spout to tell");
    }

    [Fact]
    public void Expire_forgets_a_tree_after_all_buckets_rotate_unless_its_timeout_is_reset()
    {
        var ledger = new AckerLedger(Buckets);
        ledger.Init(1, 11, SpoutTask);
        ledger.Init(2, 22, SpoutTask);
        for (var i = 0; i < Buckets - 1; i++)
        {
            ledger.Expire().ShouldBe(0);
        }

        ledger.ResetTimeout(2);

        ledger.Expire().ShouldBe(1);
        ledger.PendingCount.ShouldBe(1);
        ledger.Ack(2, 22).Kind.ShouldBe(AckOutcomeKind.Completed);
    }

    private static void AssertCompletesOnlyAtTheEnd(Message[] messages)
    {
        var orders = 0;
        foreach (var order in Permutations(messages))
        {
            var ledger = new AckerLedger(Buckets);
            for (var i = 0; i < order.Count; i++)
            {
                var outcome = Apply(ledger, order[i]);
                var expected = i == order.Count - 1 ? new AckOutcome(AckOutcomeKind.Completed, SpoutTask, null) : default;
                outcome.ShouldBe(expected, $"message {i} of order {string.Join(", ", order)}");
            }

            ledger.PendingCount.ShouldBe(0);
            orders++;
        }

        orders.ShouldBeGreaterThan(1);
    }

    private static AckOutcome Apply(AckerLedger ledger, Message message) => message switch
    {
        Init init => ledger.Init(Root, init.Value, SpoutTask),
        Ack ack => ledger.Ack(Root, ack.Value),
        _ => ledger.Fail(Root, Boom),
    };

    private static IEnumerable<List<Message>> Permutations(Message[] items)
    {
        if (items.Length <= 1)
        {
            yield return [.. items];
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                tail.Insert(0, items[i]);
                yield return tail;
            }
        }
    }

    private static (long, long, long) Edges3(int seed)
    {
        var ids = Edges(seed, 3);
        return (ids[0], ids[1], ids[2]);
    }

    private static long[] Edges(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.NextInt64(1, long.MaxValue))];
    }
}
