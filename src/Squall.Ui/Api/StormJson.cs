using System.Text.Json.Nodes;
using Squall.Runtime.Metrics;
using Squall.Ui.Sources;

namespace Squall.Ui.Api;

/// <summary>
/// The bodies of Storm's UI REST API (<c>docs/STORM-UI-REST-API.md</c>), with Storm's field names so scripts
/// written for Storm read them unchanged. Resource-aware scheduling fields (memory, CPU) are left out: Squall
/// has no such scheduler, and a made-up zero would mislead. Squall's additions are marked in comments.
/// </summary>
internal static partial class StormJson
{
    public const string Version = "squall-0.1";

    public static JsonObject ClusterSummary(UiCluster cluster)
    {
        var slotsTotal = cluster.Supervisors.Sum(s => s.SlotsTotal);
        var slotsUsed = cluster.Supervisors.Sum(s => s.SlotsUsed);
        return new JsonObject
        {
            ["stormVersion"] = Version,
            ["supervisors"] = cluster.Supervisors.Count,
            ["topologies"] = cluster.Topologies.Count,
            ["slotsTotal"] = slotsTotal,
            ["slotsUsed"] = slotsUsed,
            ["slotsFree"] = slotsTotal - slotsUsed,
            ["executorsTotal"] = cluster.Topologies.Sum(ExecutorsTotal),
            ["tasksTotal"] = cluster.Topologies.Sum(TasksTotal),
            ["schedulerDisplayResource"] = false,
        };
    }

    public static JsonObject NimbusSummary(UiCluster cluster) => new()
    {
        ["nimbuses"] = Array(cluster.Nimbuses.Select(n => new JsonObject
        {
            ["host"] = n.Host,
            ["port"] = n.Port,
            ["status"] = n.Status,
            ["nimbusUpTime"] = "",
            ["nimbusUpTimeSeconds"] = 0,
            ["nimbusLogLink"] = "",
            ["version"] = Version,
        })),
    };

    public static JsonObject SupervisorSummary(UiCluster cluster) => new()
    {
        ["supervisors"] = Array(cluster.Supervisors.Select(s => new JsonObject
        {
            ["id"] = s.Id,
            ["host"] = s.Host,
            ["uptime"] = Format.Uptime(s.UptimeSeconds),
            ["uptimeSeconds"] = s.UptimeSeconds,
            ["slotsTotal"] = s.SlotsTotal,
            ["slotsUsed"] = s.SlotsUsed,
            ["schedulerDisplayResource"] = false,
            ["alive"] = s.Alive, // Squall: Storm lists only live supervisors
        })),
        ["schedulerDisplayResource"] = false,
    };

    public static JsonObject TopologySummary(UiCluster cluster) => new()
    {
        ["topologies"] = Array(cluster.Topologies.Select(t => new JsonObject
        {
            ["id"] = t.Id,
            ["encodedId"] = Uri.EscapeDataString(t.Id),
            ["name"] = t.Name,
            ["status"] = t.Status,
            ["uptime"] = Format.Uptime(t.UptimeSeconds),
            ["uptimeSeconds"] = t.UptimeSeconds,
            ["tasksTotal"] = TasksTotal(t),
            ["workersTotal"] = t.WorkersTotal,
            ["executorsTotal"] = ExecutorsTotal(t),
            ["replicationCount"] = 1,
            ["schedulerDisplayResource"] = false,
        })),
        ["schedulerDisplayResource"] = false,
    };

    public static JsonObject Configuration(IReadOnlyDictionary<string, string> conf)
    {
        var result = new JsonObject();
        foreach (var (key, value) in conf.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }

    public static JsonObject TopologyWorkers(UiTopology topology, int logviewerPort) => new()
    {
        ["hostPortList"] = Array(topology.Workers.Select(w => new JsonObject { ["host"] = w.Host, ["port"] = w.Port })),
        ["logviewerPort"] = logviewerPort,
    };

    public static int TasksTotal(UiTopology topology) => topology.Reports.Sum(r => r.Report.Tasks.Count);

    public static int ExecutorsTotal(UiTopology topology) =>
        topology.Reports.Sum(r => r.Report.Tasks.Select(t => t.Executor).Distinct(StringComparer.Ordinal).Count());

    public static JsonArray Array(IEnumerable<JsonNode?> items) => [.. items];

    private static JsonObject Error(ErrorReport error, UiReport worker, DateTimeOffset now) => new()
    {
        ["errorTime"] = error.Time.ToUnixTimeSeconds(),
        ["errorHost"] = worker.Host,
        ["errorPort"] = worker.Port,
        ["error"] = error.Error,
        ["errorLapsedSecs"] = (long)(now - error.Time).TotalSeconds,
        ["errorWorkerLogLink"] = worker.LogLink,
        ["taskId"] = error.TaskId, // Squall: which task reported it
    };

    private static void AddLastError(JsonObject target, UiTopology topology, string component, DateTimeOffset now)
    {
        if (StatsView.LastError(topology, component) is { } last)
        {
            var error = Error(last.Error, last.Worker, now);
            target["lastError"] = last.Error.Error;
            target["errorHost"] = error["errorHost"]!.DeepClone();
            target["errorPort"] = error["errorPort"]!.DeepClone();
            target["errorTime"] = error["errorTime"]!.DeepClone();
            target["errorLapsedSecs"] = error["errorLapsedSecs"]!.DeepClone();
            target["errorWorkerLogLink"] = last.Worker.LogLink;
        }
        else
        {
            target["lastError"] = "";
            target["errorHost"] = "";
            target["errorPort"] = null;
            target["errorTime"] = null;
            target["errorLapsedSecs"] = null;
            target["errorWorkerLogLink"] = "";
        }
    }
}
