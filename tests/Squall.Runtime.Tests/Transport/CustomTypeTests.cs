namespace Squall.Runtime.Tests.Transport;

/// <summary>User types between workers: register-free records, clear errors at the first emit, and a transport that never dies.</summary>
[Trait("Category", "Integration")]
public sealed class CustomTypeTests
{
    [Fact]
    public void An_unregistered_record_crosses_workers_through_the_messagepack_fallback()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var orders = Enumerable.Range(0, 40).Select(i => new Values(new Order($"o{i}", i * 1.5m, [i, i + 1]))).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("orders", () => new FixedSpout(orders, new Fields("order"), log));
        // Executors go round robin over the workers in component order: ackers on 0 and 1, capture on 0, orders on 1.
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("orders");
        using var cluster = Support.Clusters.Create();

        cluster.SubmitTopology("records", new Config { NumWorkers = 2 }, builder.CreateTopology());

        Wait.UntilEqual(() => log.AckCount, orders.Count, "every order acked");
        cluster.GetErrors("records").ShouldBeEmpty();
        var received = sink.All.Select(r => (Order)r.Values[0]!).OrderBy(o => o.Quantity).ToList();
        received.Select(o => (o.Id, o.Quantity, o.Lines.Sum())).ShouldBe(orders.Select(v => (Order)v[0].AsObject()!).Select(o => (o.Id, o.Quantity, o.Lines.Sum())));
    }

    [Fact]
    public void Without_the_fallback_an_unregistered_type_fails_its_first_emit_in_local_mode_naming_component_stream_type_and_key()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var builder = new TopologyBuilder();
        builder.SetSpout("orders", () => new FixedSpout([new Values(new Order("a", 1, []))], new Fields("order"), log));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("orders");
        using var cluster = Support.Clusters.Create();

        cluster.SubmitTopology("strict", new Config { FallBackOnJavaSerialization = false }, builder.CreateTopology());

        Wait.Until(() => cluster.GetErrors("strict").Count > 0, "the emit's error reported");
        var error = cluster.GetErrors("strict")[0];
        error.ComponentId.ShouldBe("orders");
        error.Error.Message.ShouldContain("Component 'orders' emitted on stream 'default' a value of type '" + typeof(Order).FullName + "'");
        error.Error.Message.ShouldContain("'topology.kryo.register'");
        sink.Count.ShouldBe(0);
    }

    [Fact]
    public void A_value_that_no_serializer_can_encode_fails_at_the_first_emit_even_with_the_fallback()
    {
        var builder = new TopologyBuilder();
        Func<int> notData = () => 42;
        builder.SetSpout("live", () => new FixedSpout([new Values(notData)], new Fields("f"), new SpoutLog()));
        builder.SetBolt("capture", () => new CaptureBolt(new CaptureSink())).ShuffleGrouping("live");
        using var cluster = Support.Clusters.Create();

        cluster.SubmitTopology("live", new Config(), builder.CreateTopology());

        Wait.Until(() => cluster.GetErrors("live").Count > 0, "the emit's error reported");
        var message = cluster.GetErrors("live")[0].Error.Message;
        message.ShouldContain("Component 'live' emitted on stream 'default'");
        message.ShouldContain("a delegate cannot be sent to another process");
    }

    [Fact]
    public void An_unencodable_element_hidden_in_a_list_costs_its_tuple_not_the_worker()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        Func<int> notData = () => 42;
        List<Values> tuples =
        [
            new Values(new List<object?> { 1, "a" }),    // passes the per-type check at the source
            new Values(new List<object?> { 2, notData }),  // same type: only the sender finds the delegate
            new Values(new List<object?> { 3, "c" }),
        ];
        var builder = new TopologyBuilder();
        builder.SetSpout("lists", () => new FixedSpout(tuples, new Fields("l"), log));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("lists");   // on worker 0, lists on 1
        using var cluster = Support.Clusters.Create();

        cluster.SubmitTopology("hidden", new Config { NumWorkers = 2 }, builder.CreateTopology());

        Wait.Until(() => cluster.GetErrors("hidden").Any(e => e.Error.Message.Contains("delegate", StringComparison.Ordinal)), "the sender's error reported");
        var error = cluster.GetErrors("hidden").First(e => e.Error.Message.Contains("delegate", StringComparison.Ordinal));
        error.ComponentId.ShouldBe("lists");
        error.Error.Message.ShouldContain("stream 'default'");

        // The worker lives on: the other tuples arrive and are acked; the dropped one waits for its timeout.
        Wait.Until(() => log.AckCount >= 2, "the encodable lists acked");
        sink.All.Select(r => ((object?[])r.Values[0]!)[0]).ShouldNotContain(2);
    }

    [Fact]
    public void A_serializer_registered_with_RegisterSerialization_wins_and_needs_no_fallback()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        var orders = Enumerable.Range(0, 10).Select(i => new Values(new Order($"o{i}", i, [i]))).ToList();
        var builder = new TopologyBuilder();
        builder.SetSpout("orders", () => new FixedSpout(orders, new Fields("order"), log));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("orders");   // on worker 0, orders on 1
        var conf = new Config { NumWorkers = 2, FallBackOnJavaSerialization = false }.RegisterSerialization(typeof(Order), typeof(OrderSerializer));
        using var cluster = Support.Clusters.Create();

        cluster.SubmitTopology("registered", conf, builder.CreateTopology());

        Wait.UntilEqual(() => log.AckCount, orders.Count, "every order acked");
        cluster.GetErrors("registered").ShouldBeEmpty();
        sink.All.Select(r => ((Order)r.Values[0]!).Id).Order().ShouldBe(orders.Select(v => ((Order)v[0].AsObject()!).Id).Order());
        sink.All.ShouldAllBe(r => ((Order)r.Values[0]!).Lines.Length == 0);   // the registered serializer drops lines: proof it ran
    }

    [Fact]
    public void A_tuple_the_receiving_worker_cannot_decode_fails_at_once_naming_the_type_and_the_connection_lives()
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        List<Values> tuples = [.. Enumerable.Range(0, 20).Select(i => i == 7 ? new Values(i, new OneWay()) : new Values(i, "plain"))];
        var builder = new TopologyBuilder();
        builder.SetSpout("mixed", () => new FixedSpout(tuples, new Fields("n", "v"), log));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("mixed");   // on worker 0, mixed on 1
        using var cluster = Support.Clusters.Create();

        cluster.SubmitTopology("oneway", new Config { NumWorkers = 2 }, builder.CreateTopology());

        Wait.Until(() => log.Fails.Count == 1 && log.AckCount == tuples.Count - 1, "19 tuples acked and the undecodable one failed");
        var (messageId, reason) = log.Fails[0];
        messageId.ShouldBe(7);
        reason.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Failed);   // failed on arrival, not timed out
        reason.Message.ShouldNotBeNull().ShouldContain(typeof(OneWay).FullName!);
        var error = cluster.GetErrors("oneway").ShouldHaveSingleItem();   // no closed connection among them
        error.ComponentId.ShouldBe("capture");
        error.Error.Message.ShouldContain($"a value of type '{typeof(OneWay).FullName}' that this worker cannot decode");
        sink.All.Select(r => (int)r.Values[0]!).Order().ShouldBe(Enumerable.Range(0, 20).Where(i => i != 7));
    }

    [Fact]
    public void A_serializer_that_throws_half_way_costs_its_tuple_which_fails_at_once_naming_component_stream_type_and_serializer()
    {
        var (reason, errors) = SendWidgets("halfway", fault: "write");

        reason.ComponentId.ShouldBe("widgets");   // failed by the sender
        reason.Message.ShouldNotBeNull().ShouldContain($"Component 'widgets' emitted on stream 'default' a value of type '{typeof(Widget).FullName}'");
        reason.Message.ShouldContain($"its serializer '{typeof(WidgetSerializer).FullName}' failed: widget 7 will not be written");
        var error = errors.ShouldHaveSingleItem();   // no closed connection among them
        error.ComponentId.ShouldBe("widgets");
        error.Error.Message.ShouldBe(reason.Message);
    }

    [Theory]
    [InlineData("throw")]
    [InlineData("short")]
    [InlineData("long")]
    public void A_serializer_that_fails_to_read_costs_its_tuple_which_fails_at_once_naming_the_serializer_and_the_connection_lives(string fault)
    {
        var (reason, errors) = SendWidgets("unreadable", fault);

        reason.ComponentId.ShouldBe("capture");   // failed by the receiver
        reason.Message.ShouldNotBeNull().ShouldContain($"The serializer '{typeof(WidgetSerializer).FullName}' failed to read a '{typeof(Widget).FullName}'");
        var error = errors.ShouldHaveSingleItem();   // no closed connection among them
        error.ComponentId.ShouldBe("capture");
        error.Error.Message.ShouldContain($"Fix the serializer '{typeof(WidgetSerializer).FullName}'");
    }

    /// <summary>
    /// Sends twenty widgets from worker 1 to a bolt on worker 0, the eighth with <paramref name="fault"/>; waits until the
    /// other nineteen arrived and were acked and the eighth failed (at once: not timed out), and returns why, and the errors.
    /// </summary>
    private static (FailureReason Reason, IReadOnlyList<ComponentError> Errors) SendWidgets(string name, string fault)
    {
        var log = new SpoutLog();
        var sink = new CaptureSink();
        List<Values> tuples = [.. Enumerable.Range(0, 20).Select(i => new Values(i, new Widget(i, i == 7 ? fault : "fine")))];
        var builder = new TopologyBuilder();
        builder.SetSpout("widgets", () => new FixedSpout(tuples, new Fields("n", "w"), log));
        builder.SetBolt("capture", () => new CaptureBolt(sink)).ShuffleGrouping("widgets");   // on worker 0, widgets on 1
        var conf = new Config { NumWorkers = 2 }.RegisterSerialization(typeof(Widget), typeof(WidgetSerializer));
        using var cluster = Support.Clusters.Create();

        cluster.SubmitTopology(name, conf, builder.CreateTopology());

        Wait.Until(() => log.Fails.Count == 1 && log.AckCount == tuples.Count - 1, "19 tuples acked and the faulty one failed");
        var (messageId, reason) = log.Fails[0];
        messageId.ShouldBe(7);
        reason.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Failed);
        sink.All.Select(r => (int)r.Values[0]!).Order().ShouldBe(Enumerable.Range(0, 20).Where(i => i != 7));
        return (reason, cluster.GetErrors(name));
    }

    public sealed record Order(string Id, decimal Quantity, int[] Lines);

    /// <summary>Serializes (its public Pin) but cannot be deserialized: setting the Pin throws.</summary>
    public sealed class OneWay
    {
        public int Pin
        {
            get => 1;
            set => throw new InvalidOperationException($"A {nameof(OneWay)} cannot be read back (pin {value}).");
        }
    }

    /// <summary>A user type whose serializer misbehaves on one value, as its <see cref="Fault"/> says.</summary>
    public sealed record Widget(int N, string Fault);

    /// <summary>
    /// Writes a widget as its number, fault and a pad byte, except that "write" throws after the fault; reads it
    /// back, except that "throw" throws, "short" leaves the pad unread and "long" reads 8 bytes past it.
    /// </summary>
    public sealed class WidgetSerializer : Squall.Wire.Codec.ValueSerializer<Widget>
    {
        public override void Write<TBufferWriter>(ref Squall.Wire.Codec.WireWriter<TBufferWriter> writer, Widget value)
        {
            ArgumentNullException.ThrowIfNull(value);
            writer.WriteVarInt32(value.N);
            writer.WriteString(value.Fault);
            if (value.Fault == "write")
            {
                throw new InvalidOperationException($"widget {value.N} will not be written");
            }

            writer.WriteByte(0);
        }

        public override Widget Read(ref Squall.Wire.Codec.WireReader reader)
        {
            var widget = new Widget(reader.ReadVarInt32(), reader.ReadString());
            _ = widget.Fault switch
            {
                "throw" => throw new InvalidOperationException($"widget {widget.N} will not be read"),
                "short" => 0,
                "long" => reader.ReadByte() + reader.ReadInt64(),
                _ => reader.ReadByte(),
            };
            return widget;
        }
    }

    public sealed class OrderSerializer : Squall.Wire.Codec.ValueSerializer<Order>
    {
        public override void Write<TBufferWriter>(ref Squall.Wire.Codec.WireWriter<TBufferWriter> writer, Order value)
        {
            ArgumentNullException.ThrowIfNull(value);
            writer.WriteString(value.Id);
            writer.WriteValue(value.Quantity);
        }

        public override Order Read(ref Squall.Wire.Codec.WireReader reader) => new(reader.ReadString(), (decimal)reader.ReadValue()!, []);
    }
}
