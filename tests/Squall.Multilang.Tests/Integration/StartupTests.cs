using System.Collections.Concurrent;
using Squall.Multilang.Tests.Support;
using Squall.Runtime;
using Squall.Testing;

namespace Squall.Multilang.Tests.Integration;

/// <summary>A child that cannot start is reported and retried with back-off: its task never sits dead.</summary>
[Trait("Category", "Integration")]
public sealed class StartupTests
{
    [Fact]
    public void A_bolt_whose_first_child_hangs_at_start_completes_every_tuple_once_a_relaunched_child_runs()
    {
        var markers = Directory.CreateTempSubdirectory("squall-hang-first-");
        try
        {
            const int messages = 20;
            var log = new SpoutLog();
            var sink = new CaptureSink();
            var errors = new ConcurrentQueue<ComponentError>();
            var builder = new TopologyBuilder();
            builder.SetSpout("source", () => new FixedSpout([.. Enumerable.Range(0, messages).Select(i => new Values($"m{i}"))], new Fields("value"), log, replayFailed: true));
            builder.SetBolt("echo", () => new ShellBolt("python3", "hang_first_start.py").DeclareStream("report", "value")
                .WithEnvironment("SQUALL_TEST_MARKER_DIR", markers.FullName)).ShuffleGrouping("source");
            builder.SetBolt("sink", () => new CaptureBolt(sink)).ShuffleGrouping("echo", "report");
            var conf = new Config { [MultilangConfig.HandshakeTimeoutSecs] = 5 };
            using (var cluster = new LocalCluster(new LocalClusterOptions { OnError = errors.Enqueue }))
            {
                cluster.SubmitTopology("hang-first", conf, builder.CreateTopology());
                Wait.Until(() => log.Acks.Count == messages, $"every message acked (have {log.Acks.Count}; errors: {string.Join("\n", errors)})", TimeSpan.FromSeconds(120));
                cluster.KillTopology("hang-first");
            }

            errors.ShouldNotBeEmpty();
            errors.ShouldAllBe(e => e.Error.Message.Contains("did not answer the handshake", StringComparison.Ordinal));
            sink.All.Select(r => (string)r.First!).Distinct().Order(StringComparer.Ordinal)
                .ShouldBe(Enumerable.Range(0, messages).Select(i => $"m{i}").Order(StringComparer.Ordinal));
        }
        finally
        {
            markers.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_spout_whose_script_is_missing_reports_it_in_open_and_keeps_retrying()
    {
        using var harness = new SpoutHarness("python3", "no_such_spout.py");
        harness.Recorder.Errors.Single().Message.ShouldContain("Cannot launch shellspout");
        harness.Spout.Activate();

        // Each NextTuple during the back-off does nothing; after it, a new launch is tried and reported again.
        Wait.Until(
            () =>
            {
                harness.Spout.NextTuple();
                return harness.Recorder.Errors.Count >= 2;
            },
            "a second launch attempt",
            TimeSpan.FromSeconds(60));
        harness.Recorder.Errors.ShouldAllBe(e => e.Message.Contains("no_such_spout.py", StringComparison.Ordinal));
    }
}
