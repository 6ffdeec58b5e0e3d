using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;
using Squall.Runtime.Metrics;
using Squall.Ui.Api;
using Squall.Ui.Sources;

namespace Squall.Ui.Prometheus;

/// <summary>
/// <c>GET /metrics</c> in Prometheus's text format (prometheus-net), built at scrape time from the same
/// per-task stats the UI shows, labelled by topology, component, task and stream (and the source component
/// of a bolt's input). Counters are all-time totals; a restarted worker starts its series again from zero
/// (the series is replaced, which Prometheus reads as a counter reset). Names are listed in docs/metrics.md.
/// </summary>
internal sealed class PrometheusExport
{
    private static readonly string[] TaskLabels = ["topology", "component", "task"];
    private static readonly string[] OutputLabels = ["topology", "component", "task", "stream"];
    private static readonly string[] InputLabels = ["topology", "component", "task", "source", "stream"];

    private readonly IUiSource _source;
    private readonly CollectorRegistry _registry = global::Prometheus.Metrics.NewCustomRegistry();
    private readonly Lock _update = new();
    private readonly Counter _emitted, _transferred, _spoutAcked, _spoutFailed, _executed, _boltAcked, _boltFailed, _throttled;
    private readonly Gauge _completeLatency, _executeLatency, _processLatency, _capacity, _queue, _backpressure;
    private HashSet<(Collector Metric, string[] Labels)> _live = new(LabelComparer.Instance);

    public PrometheusExport(IUiSource source)
    {
        _source = source;
        var f = global::Prometheus.Metrics.WithCustomRegistry(_registry);
        _emitted = f.CreateCounter("squall_emitted_total", "Tuples emitted (emit calls) on a stream.", OutputLabels);
        _transferred = f.CreateCounter("squall_transferred_total", "Tuples sent to tasks on a stream.", OutputLabels);
        _spoutAcked = f.CreateCounter("squall_spout_acked_total", "Spout tuple trees completed, by the stream of their root.", OutputLabels);
        _spoutFailed = f.CreateCounter("squall_spout_failed_total", "Spout tuple trees failed or timed out, by the stream of their root.", OutputLabels);
        _executed = f.CreateCounter("squall_bolt_executed_total", "Tuples a bolt executed, by input (source component and stream).", InputLabels);
        _boltAcked = f.CreateCounter("squall_bolt_acked_total", "Tuples a bolt acked, by input.", InputLabels);
        _boltFailed = f.CreateCounter("squall_bolt_failed_total", "Tuples a bolt failed, by input.", InputLabels);
        _throttled = f.CreateCounter("squall_spout_throttled_seconds_total", "Time a spout did not call NextTuple because of backpressure or max spout pending.", TaskLabels);
        _completeLatency = f.CreateGauge("squall_spout_complete_latency_ms", "Mean complete latency of sampled trees over the last 10 minutes.", OutputLabels);
        _executeLatency = f.CreateGauge("squall_bolt_execute_latency_ms", "Mean execute latency of sampled tuples over the last 10 minutes, by input.", InputLabels);
        _processLatency = f.CreateGauge("squall_bolt_process_latency_ms", "Mean time from execute to ack of sampled tuples over the last 10 minutes, by input.", InputLabels);
        _capacity = f.CreateGauge("squall_capacity", "Storm's capacity over the last 10 minutes: executed × execute latency ÷ time (1 = always busy).", TaskLabels);
        _queue = f.CreateGauge("squall_receive_queue_fill", "How full the task's executor receive queue is (0 to 1).", TaskLabels);
        _backpressure = f.CreateGauge("squall_backpressure", "1 while the task's executor cannot send because receivers are full.", TaskLabels);
    }

    public static void Map(IEndpointRouteBuilder app, IUiSource source)
    {
        var export = new PrometheusExport(source);
        app.MapGet("/metrics", async (HttpContext http, CancellationToken cancel) =>
        {
            try
            {
                await export.ScrapeAsync(http.Response, cancel);
            }
            catch (UiSourceException e)
            {
                await StormApi.Error(e.Status, e.Error, e.Message).ExecuteAsync(http);
            }
        });
    }

    public async Task ScrapeAsync(HttpResponse response, CancellationToken cancel)
    {
        var cluster = await _source.ClusterAsync(cancel);
        lock (_update)
        {
            Update(cluster);
        }

        response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await _registry.CollectAndExportAsTextAsync(response.Body, cancel);
    }

    private void Update(UiCluster cluster)
    {
        var live = new HashSet<(Collector, string[])>(LabelComparer.Instance);
        foreach (var topology in cluster.Topologies)
        {
            foreach (var report in topology.Reports)
            {
                foreach (var task in report.Report.Tasks)
                {
                    Task(live, topology.Id, task);
                }
            }
        }

        foreach (var (metric, labels) in _live.Where(x => !live.Contains(x)))
        {
            Remove(metric, labels);
        }

        _live = live;
    }

    private void Task(HashSet<(Collector, string[])> live, string topology, TaskStats task)
    {
        var all = task.Windows.First(w => w.Window == StatsWindow.AllTimeName);
        var recent = task.Windows.First(w => w.Window == StatsView.CapacityWindow);
        var id = task.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] taskLabels = [topology, task.ComponentId, id];
        Set(live, _capacity, taskLabels, StatsView.Capacity(task));
        Set(live, _queue, taskLabels, task.ReceiveQueueFill);
        Set(live, _backpressure, taskLabels, task.Backpressure ? 1 : 0);
        Count(live, _throttled, taskLabels, all.ThrottledMs / 1000);
        foreach (var o in all.Outputs)
        {
            string[] labels = [topology, task.ComponentId, id, o.Stream];
            Count(live, _emitted, labels, o.Emitted);
            Count(live, _transferred, labels, o.Transferred);
            if (o.Acked + o.Failed + o.CompleteSamples > 0)
            {
                Count(live, _spoutAcked, labels, o.Acked);
                Count(live, _spoutFailed, labels, o.Failed);
                var r = recent.Outputs.FirstOrDefault(x => x.Stream == o.Stream);
                Set(live, _completeLatency, labels, r is null ? 0 : StatsView.Mean(r.CompleteMsSum, r.CompleteSamples));
            }
        }

        foreach (var i in all.Inputs)
        {
            string[] labels = [topology, task.ComponentId, id, i.Component, i.Stream];
            Count(live, _executed, labels, i.Executed);
            Count(live, _boltAcked, labels, i.Acked);
            Count(live, _boltFailed, labels, i.Failed);
            var r = recent.Inputs.FirstOrDefault(x => x.Component == i.Component && x.Stream == i.Stream);
            Set(live, _executeLatency, labels, r is null ? 0 : StatsView.Mean(r.ExecuteMsSum, r.ExecuteSamples));
            Set(live, _processLatency, labels, r is null ? 0 : StatsView.Mean(r.ProcessMsSum, r.ProcessSamples));
        }
    }

    private static void Set(HashSet<(Collector, string[])> live, Gauge gauge, string[] labels, double value)
    {
        gauge.WithLabels(labels).Set(value);
        live.Add((gauge, labels));
    }

    /// <summary>A counter only rises; a lower total means the worker restarted, so the series starts again.</summary>
    private static void Count(HashSet<(Collector, string[])> live, Counter counter, string[] labels, double total)
    {
        var child = counter.WithLabels(labels);
        if (total < child.Value)
        {
            counter.RemoveLabelled(labels);
            child = counter.WithLabels(labels);
        }

        child.IncTo(total);
        live.Add((counter, labels));
    }

    private static void Remove(Collector metric, string[] labels)
    {
        switch (metric)
        {
            case Counter c:
                c.RemoveLabelled(labels);
                break;
            case Gauge g:
                g.RemoveLabelled(labels);
                break;
        }
    }

    private sealed class LabelComparer : IEqualityComparer<(Collector Metric, string[] Labels)>
    {
        public static readonly LabelComparer Instance = new();

        public bool Equals((Collector Metric, string[] Labels) x, (Collector Metric, string[] Labels) y) =>
            ReferenceEquals(x.Metric, y.Metric) && x.Labels.AsSpan().SequenceEqual(y.Labels);

        public int GetHashCode((Collector Metric, string[] Labels) obj)
        {
            var hash = new HashCode();
            hash.Add(obj.Metric);
            foreach (var label in obj.Labels)
            {
                hash.Add(label);
            }

            return hash.ToHashCode();
        }
    }
}
