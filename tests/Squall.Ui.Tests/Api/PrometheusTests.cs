using Squall.Ui.Tests.Support;

namespace Squall.Ui.Tests.Api;

/// <summary><c>/metrics</c>: Prometheus's text format, one series per topology, component, task and stream, with the traffic's numbers.</summary>
[Trait("Category", "Integration")]
public sealed class PrometheusTests : IAsyncLifetime
{
    private LocalUiFixture _ui = null!;

    public async Task InitializeAsync()
    {
        _ui = await LocalUiFixture.StartAsync();
        Wait.UntilEqual(() => _ui.Log.AckCount, LocalUiFixture.Sentences, "every sentence acked");
    }

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public async Task Metrics_are_labelled_by_topology_component_task_and_stream_and_sum_to_the_traffic()
    {
        using var response = await _ui.Http.GetAsync(new Uri("metrics", UriKind.Relative));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("# TYPE squall_emitted_total counter");
        text.ShouldContain("# HELP squall_capacity");

        Sum(text, "squall_emitted_total", "component=\"sentences\"").ShouldBe(LocalUiFixture.Sentences);
        Sum(text, "squall_spout_acked_total", "component=\"sentences\"").ShouldBe(LocalUiFixture.Sentences);
        Sum(text, "squall_emitted_total", "component=\"split\"").ShouldBe(LocalUiFixture.Sentences * 3);
        Sum(text, "squall_bolt_executed_total", "component=\"count\"", "source=\"split\"").ShouldBe(LocalUiFixture.Sentences * 3);
        var series = text.Split('\n').Where(l => l.StartsWith("squall_bolt_executed_total{", StringComparison.Ordinal) && l.Contains("component=\"count\"", StringComparison.Ordinal)).ToList();
        series.Count.ShouldBe(3, "one series per count task");
        series.ShouldAllBe(l => l.Contains("topology=\"words\"") && l.Contains("task=\"") && l.Contains("stream=\"default\""));
    }

    private static double Sum(string text, string metric, params string[] labels) => text.Split('\n')
        .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(x => l.Contains(x, StringComparison.Ordinal)))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
