namespace Squall.Runtime.Tests.Api;

/// <summary>The Tuple and Values surface ported code uses: primitive getters, stream ids, message ids, equality.</summary>
[Trait("Category", "Unit")]
public sealed class TupleApiTests
{
    [Fact]
    public void Every_primitive_reads_by_index_and_by_field()
    {
        var tuple = TestTuples.Make(
            new Values((short)7, (byte)8, 1.5f, 'x', 42, 43L, 2.5, true, "s", new byte[] { 1 }),
            fields: new Fields("short", "byte", "float", "char", "int", "long", "double", "bool", "string", "bytes"));

        (tuple.GetShort(0), tuple.GetByte(1), tuple.GetFloat(2), tuple.GetChar(3)).ShouldBe(((short)7, (byte)8, 1.5f, 'x'));
        (tuple.GetInteger(4), tuple.GetLong(5), tuple.GetDouble(6), tuple.GetBoolean(7), tuple.GetString(8)).ShouldBe((42, 43L, 2.5, true, "s"));
        (tuple.GetShortByField("short"), tuple.GetByteByField("byte"), tuple.GetFloatByField("float"), tuple.GetCharByField("char")).ShouldBe(((short)7, (byte)8, 1.5f, 'x'));
        (tuple.GetIntegerByField("int"), tuple.GetLongByField("long"), tuple.GetDoubleByField("double"), tuple.GetBooleanByField("bool")).ShouldBe((42, 43L, 2.5, true));
        tuple.GetBinaryByField("bytes").ShouldBe(new byte[] { 1 });
        tuple.GetValue<string>(8).ShouldBe("s");
        tuple.GetValueByField<long>("long").ShouldBe(43L);
        Should.Throw<InvalidCastException>(() => tuple.GetShort(8)).Message.ShouldBe("The value is String, not short.");
    }

    [Fact]
    public void Source_global_stream_id_and_message_id_describe_where_a_tuple_comes_from()
    {
        var tuple = TestTuples.Make(new Values("a"), component: "split", stream: "words");

        tuple.SourceGlobalStreamId.ShouldBe(new GlobalStreamId("split", "words"));
        tuple.SourceGlobalStreamId.ToString().ShouldBe("split:words");
        tuple.MessageId.AnchorsToIds.ShouldBeEmpty();
        MessageId.Make(new Dictionary<long, long> { [1] = 2 }).ShouldBe(MessageId.Make(new Dictionary<long, long> { [1] = 2 }));
    }

    [Fact]
    public void Values_compare_by_value()
    {
        (new Values("a", 1) == new Values("a", 1)).ShouldBeTrue();
        new Values("a", 1).Equals(new Values("a", 2)).ShouldBeFalse();
        new Values("a", 1).GetHashCode().ShouldBe(new Values("a", 1).GetHashCode());
        new HashSet<Values> { new("a"), new("a"), new("b") }.Count.ShouldBe(2);
    }

    [Fact]
    public void A_tick_tuple_from_the_test_kit_is_a_tick()
    {
        var tick = TestTuples.Tick(5);

        tick.IsTick.ShouldBeTrue();
        tick.GetInteger(0).ShouldBe(5);
        TestTuples.Make(new Values(1)).IsTick.ShouldBeFalse();
    }
}
