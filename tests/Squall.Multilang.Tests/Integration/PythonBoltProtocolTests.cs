using System.Text;
using System.Text.Json;
using Squall.Multilang.Tests.Support;

namespace Squall.Multilang.Tests.Integration;

/// <summary>The bolt protocol driven through a real python3 child running Squall's storm.py.</summary>
[Trait("Category", "Integration")]
public sealed class PythonBoltProtocolTests : IDisposable
{
    private readonly List<ShellLogEntry> _logs = [];
    private readonly ShellCountMetric _metric = new();
    private readonly BoltHarness _harness;

    public PythonBoltProtocolTests() =>
        _harness = BoltHarness.Python("protocol_bolt.py", configure: b => b.OnLog(Log).RegisterMetric("my-count", _metric));

    private RecordingOutputCollector Recorder => _harness.Recorder;

    [Fact]
    public void Task_ids_returned_by_emit_reach_the_script()
    {
        Recorder.TaskIdsFor = stream => stream == "default" ? [3, 8] : [1];
        var input = _harness.Send("cmd:ids hello");
        var emits = Recorder.Emits;
        emits[0].ShouldBe(emits[0] with { Stream = "default", DirectTask = -1 });
        emits[0].Values.ShouldBe(["hello"]);
        emits[0].Anchors.ShouldBe([input]);
        emits[1].Stream.ShouldBe("report");
        emits[1].Values.Single().ShouldBe(new List<object?> { 3L, 8L });
        Recorder.Acks.ShouldBe([input]);
    }

    [Fact]
    public void Direct_emits_go_to_the_named_task_without_a_reply()
    {
        var input = _harness.Send("cmd:direct 4");
        var emit = Recorder.Emits.Single();
        (emit.Stream, emit.DirectTask, emit.Values.Single()).ShouldBe(("direct", 4, "to 4"));
        Recorder.Acks.ShouldBe([input]);
    }

    [Fact]
    public void Fail_reaches_the_collector()
    {
        var input = _harness.Send("cmd:fail");
        Recorder.Fails.Single().Tuple.ShouldBe(input);
        Recorder.Acks.ShouldBeEmpty();
    }

    [Fact]
    public void Log_levels_map_to_the_five_levels_and_default_to_info()
    {
        _harness.Send("cmd:log");
        lock (_logs)
        {
            _logs.Where(l => l.Message.StartsWith("level", StringComparison.Ordinal) || l.Message == "no level")
                .Select(l => (l.Level, l.Message))
                .ShouldBe([
                    (ShellLogLevel.Trace, "level 0"), (ShellLogLevel.Debug, "level 1"), (ShellLogLevel.Info, "level 2"),
                    (ShellLogLevel.Warn, "level 3"), (ShellLogLevel.Error, "level 4"), (ShellLogLevel.Info, "no level"),
                ]);
            _logs[0].ComponentId.ShouldBe("shell");
            _logs[0].Pid.ShouldBe(_harness.Bolt.ChildPid);
        }
    }

    [Fact]
    public void Error_is_reported_and_the_child_carries_on()
    {
        var pid = _harness.Bolt.ChildPid;
        _harness.Send("cmd:error something odd");
        Recorder.Errors.Single().Message.ShouldBe("Shell Process Exception: something odd");
        _harness.Send("still here");
        Recorder.Emits[^1].Values.ShouldBe(["still here"]);
        _harness.Bolt.ChildPid.ShouldBe(pid);
    }

    [Fact]
    public void Metrics_update_the_registered_host_metric()
    {
        _harness.Send("cmd:metric");
        _metric.Value.ShouldBe(6);
    }

    [Fact]
    public void The_handshake_carries_the_full_conf_and_context()
    {
        _harness.Send("cmd:context");
        using var doc = JsonDocument.Parse((string)Recorder.Emits.Single().Values.Single()!);
        var context = doc.RootElement.GetProperty("context");
        var conf = doc.RootElement.GetProperty("conf");
        conf.GetProperty(Config.TopologyName).GetString().ShouldBe("test-topology");

        // The whole effective configuration, as Storm's: what was set, plus storm.id and the defaults in force.
        conf.GetProperty("storm.id").GetString().ShouldBe("test-topology");
        conf.GetProperty(Config.TopologyWorkers).GetInt32().ShouldBe(1);
        conf.GetProperty(Config.TopologyDebug).GetBoolean().ShouldBeFalse();
        conf.GetProperty(Config.TopologyMessageTimeoutSecs).GetInt32().ShouldBe(30);
        conf.GetProperty(Config.TopologyShellBoltMaxPending).GetInt32().ShouldBe(100);
        conf.GetProperty(Config.TopologySubprocessTimeoutSecs).GetInt32().ShouldBe(3);
        conf.GetProperty(Config.TopologyMultilangSerializer).GetString().ShouldBe("json");
        context.GetProperty("componentid").GetString().ShouldBe("shell");
        var taskId = context.GetProperty("taskid").GetInt32();
        context.GetProperty("task->component").GetProperty(taskId.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString().ShouldBe("shell");
        context.GetProperty("task->component").EnumerateObject().Select(p => p.Value.GetString()).ShouldContain(Constants.AckerComponentId);
        context.GetProperty("streams").EnumerateArray().Select(s => s.GetString()).Order().ShouldBe(["default", "direct", "report"]);
        context.GetProperty("stream->outputfields").GetProperty("report")[0].GetString().ShouldBe("value");
        context.GetProperty("stream->target->grouping").GetProperty("direct").GetProperty("sink").GetProperty("type").GetString().ShouldBe("DIRECT");
        context.GetProperty("stream->target->grouping").GetProperty("default").GetProperty("sink").GetProperty("type").GetString().ShouldBe("SHUFFLE");
        var pair = context.GetProperty("source->stream->grouping").GetProperty("source").GetProperty("pair");
        pair.GetProperty("type").GetString().ShouldBe("FIELDS");
        pair.GetProperty("fields")[0].GetString().ShouldBe("a");
        context.GetProperty("source->stream->fields").GetProperty("source").GetProperty("pair").EnumerateArray().Select(f => f.GetString()).ShouldBe(["a", "b"]);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("line\nbreaks\r\nand\rreturns")]
    [InlineData("non-BMP 𝄞 😀 𐍈 and BMP ☃ é \u2028 \u0000 \"quoted\" \\ end\nend\n")]
    public void Text_round_trips_byte_identical(string text)
    {
        _harness.Send(text);
        var back = (string)Recorder.Emits.Single().Values.Single()!;
        Encoding.UTF8.GetBytes(back).ShouldBe(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Numbers_booleans_null_and_lists_round_trip_as_json()
    {
        var values = new object?[] { 42L, -7L, long.MaxValue, 2.5, true, null, new List<object?> { "x", 1L } };
        foreach (var value in values)
        {
            _harness.Send(value);
        }

        Recorder.Emits.Select(e => e.Values.Single()).ShouldBe(values);
    }

    [Fact]
    public void Tick_tuples_reach_the_child_as_storm_sends_them_and_may_be_acked()
    {
        var tick = TestTopology.Tick(5);
        _harness.Execute(tick);
        Recorder.Emits.Single().Values.ShouldBe(["tick 5 __system -1"]);
        Recorder.Acks.ShouldBe([tick]);
    }

    [Fact]
    public void The_collector_is_only_called_on_the_executor_thread()
    {
        _harness.Send("cmd:ids a");
        _harness.Send("cmd:direct 4");
        _harness.Send("cmd:fail");
        Recorder.CallerThreads.Distinct().ShouldBe([_harness.Executor.ThreadId]);
    }

    [Fact]
    public void An_emit_from_initialize_before_any_tuple_is_applied_and_answered()
    {
        var conf = TestTopology.Conf();
        conf["test.emit.on.init"] = true;
        using var harness = BoltHarness.Python("protocol_bolt.py", conf, b => b.OnLog(Log));
        harness.Send("first");
        harness.Recorder.Emits.Select(e => e.Values.Single()).ShouldBe(["hello from initialize", "first"]);
        harness.Recorder.Emits[0].Anchors.ShouldBeEmpty();
        lock (_logs)
        {
            _logs.Select(l => l.Message).ShouldContain("init emit went to [7, 9]");
        }
    }

    public void Dispose() => _harness.Dispose();

    private void Log(ShellLogEntry entry)
    {
        lock (_logs)
        {
            _logs.Add(entry);
        }
    }
}
