using System.Text.Json.Nodes;
using Squall.Ui.Tests.Support;

namespace Squall.Ui.Tests.Api;

/// <summary>
/// The REST API answers with the field names Storm documents in <c>docs/STORM-UI-REST-API.md</c>, so scripts
/// written for Storm's UI work unchanged. The expected names are written out here from that document.
/// Left out on purpose: resource-aware scheduling fields (memory, CPU: Squall has no such scheduler) and
/// <c>user</c> (topologies have no owner).
/// </summary>
[Trait("Category", "Integration")]
public sealed class StormFieldContractTests : IAsyncLifetime
{
    private LocalUiFixture _ui = null!;

    public async Task InitializeAsync()
    {
        _ui = await LocalUiFixture.StartAsync();
        Wait.UntilEqual(() => _ui.Log.AckCount, LocalUiFixture.Sentences, "every sentence acked");
    }

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public async Task Cluster_nimbus_supervisor_and_topology_summaries_have_storms_fields()
    {
        HasFields(await _ui.GetAsync("api/v1/cluster/summary"),
            "stormVersion", "supervisors", "topologies", "slotsTotal", "slotsUsed", "slotsFree", "executorsTotal", "tasksTotal", "schedulerDisplayResource");
        EachHasFields(await _ui.GetAsync("api/v1/nimbus/summary"), "nimbuses",
            "host", "port", "status", "nimbusUpTime", "nimbusUpTimeSeconds", "nimbusLogLink", "version");
        EachHasFields(await _ui.GetAsync("api/v1/supervisor/summary"), "supervisors",
            "id", "host", "uptime", "uptimeSeconds", "slotsTotal", "slotsUsed", "schedulerDisplayResource");
        EachHasFields(await _ui.GetAsync("api/v1/topology/summary"), "topologies",
            "id", "name", "status", "uptime", "uptimeSeconds", "tasksTotal", "workersTotal", "executorsTotal", "replicationCount", "schedulerDisplayResource");
        var workers = await _ui.GetAsync($"api/v1/topology-workers/{LocalUiFixture.Topology}");
        HasFields(workers, "hostPortList", "logviewerPort");
        EachHasFields(workers, "hostPortList", "host", "port");
        (await _ui.GetAsync("api/v1/cluster/configuration")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Topology_page_has_storms_fields()
    {
        var topology = await _ui.GetAsync($"api/v1/topology/{LocalUiFixture.Topology}?window=600");
        HasFields(topology,
            "id", "name", "uptime", "uptimeSeconds", "status", "tasksTotal", "workersTotal", "executorsTotal", "msgTimeout", "windowHint",
            "schedulerDisplayResource", "replicationCount", "debug", "samplingPct", "topologyStats", "workers", "spouts", "bolts", "configuration", "window");
        EachHasFields(topology, "topologyStats", "windowPretty", "window", "emitted", "transferred", "completeLatency", "acked", "failed");
        EachHasFields(topology, "workers",
            "supervisorId", "host", "port", "topologyId", "topologyName", "executorsTotal", "componentNumTasks", "uptime", "uptimeSeconds", "workerLogLink");
        EachHasFields(topology, "spouts",
            "spoutId", "executors", "emitted", "completeLatency", "transferred", "tasks", "lastError", "errorHost", "errorPort", "errorTime",
            "errorLapsedSecs", "errorWorkerLogLink", "acked", "failed");
        EachHasFields(topology, "bolts",
            "boltId", "capacity", "processLatency", "executeLatency", "executors", "tasks", "acked", "failed", "lastError", "errorHost", "errorPort",
            "errorTime", "errorLapsedSecs", "errorWorkerLogLink", "emitted", "executed", "transferred");
        topology["topologyStats"]!.AsArray().Select(s => (string)s!["window"]!).ShouldBe(["600", "10800", "86400", ":all-time"]);
    }

    [Fact]
    public async Task Component_pages_have_storms_fields()
    {
        var common = new[]
        {
            "id", "encodedId", "name", "executors", "tasks", "schedulerDisplayResource", "topologyId", "topologyStatus", "encodedTopologyId", "window",
            "componentType", "windowHint", "debug", "samplingPct", "eventLogLink", "profilingAndDebuggingCapable", "profileActionEnabled", "profilerActive",
            "componentErrors", "outputStats", "executorStats",
        };
        var spout = await _ui.GetAsync($"api/v1/topology/{LocalUiFixture.Topology}/component/sentences");
        HasFields(spout, [.. common, "spoutSummary"]);
        EachHasFields(spout, "spoutSummary", "windowPretty", "window", "emitted", "completeLatency", "transferred", "acked", "failed");
        EachHasFields(spout, "outputStats", "stream", "emitted", "transferred");
        EachHasFields(spout, "executorStats", "id", "host", "port", "uptime", "uptimeSeconds", "emitted", "transferred", "completeLatency", "acked", "failed", "workerLogLink");

        var bolt = await _ui.GetAsync($"api/v1/topology/{LocalUiFixture.Topology}/component/count");
        HasFields(bolt, [.. common, "boltStats", "inputStats"]);
        EachHasFields(bolt, "boltStats", "windowPretty", "window", "transferred", "processLatency", "acked", "failed");
        EachHasFields(bolt, "inputStats", "component", "encodedComponentId", "executeLatency", "processLatency", "executed", "acked", "failed", "stream");
        EachHasFields(bolt, "componentErrors", "errorTime", "errorHost", "errorPort", "error", "errorLapsedSecs", "errorWorkerLogLink");
        bolt["componentErrors"]!.AsArray().Count.ShouldBe(3, "one error per count task");
    }

    [Fact]
    public async Task Metrics_page_has_storms_fields()
    {
        var metrics = await _ui.GetAsync($"api/v1/topology/{LocalUiFixture.Topology}/metrics");
        HasFields(metrics, "window", "spouts", "bolts");
        EachHasFields(metrics, "spouts", "id", "emitted", "transferred", "acked", "failed", "complete_ms_avg");
        EachHasFields(metrics, "bolts", "id", "emitted", "transferred", "acked", "failed", "process_ms_avg", "executed", "executed_ms_avg");
        var split = metrics["bolts"]!.AsArray().Single(b => (string)b!["id"]! == "split")!;
        HasFields(split["emitted"]!.AsArray()[0]!.AsObject(), "stream_id", "value");
        HasFields(split["acked"]!.AsArray()[0]!.AsObject(), "component_id", "stream_id", "value");
    }

    private static void HasFields(JsonObject body, params string[] fields)
    {
        var missing = fields.Where(f => !body.ContainsKey(f)).ToList();
        missing.ShouldBeEmpty($"missing Storm fields in {body.ToJsonString()[..Math.Min(400, body.ToJsonString().Length)]}");
    }

    private static void EachHasFields(JsonObject body, string array, params string[] fields)
    {
        var items = body[array]!.AsArray();
        items.Count.ShouldBeGreaterThan(0, $"'{array}' is empty");
        foreach (var item in items)
        {
            HasFields(item!.AsObject(), fields);
        }
    }
}
