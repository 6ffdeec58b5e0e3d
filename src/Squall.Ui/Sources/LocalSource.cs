using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Squall.Runtime;

namespace Squall.Ui.Sources;

/// <summary>
/// The UI over a <see cref="LocalCluster"/> in this process: reads its topologies' stats reports directly and
/// carries out actions on it. Writes need the token this UI was started with, as a cluster's UI does.
/// </summary>
internal sealed class LocalSource(LocalCluster cluster, string token, TimeProvider time) : IUiSource
{
    public IReadOnlyDictionary<string, string> Configuration { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["squall.mode"] = "local" };

    public Task<UiCluster> ClusterAsync(CancellationToken cancel)
    {
        var topologies = cluster.TopologyNames.Select(Describe).OfType<UiTopology>().ToList();
        var slots = topologies.Sum(t => t.WorkersTotal);
        return Task.FromResult(new UiCluster(
            [new UiNimbus("localhost", 0, "Local")],
            [new UiSupervisor("local", "localhost", topologies.Count == 0 ? 0 : topologies.Max(t => t.UptimeSeconds), slots, slots, Alive: true)],
            topologies));
    }

    public Task<UiTopology?> TopologyAsync(string id, CancellationToken cancel) => Task.FromResult(Describe(id));

    public async Task<UiActionResult> ActAsync(UiAction action, string authorization, CancellationToken cancel)
    {
        if (Authorize(authorization) is { } refused)
        {
            return refused;
        }

        if (!cluster.TopologyNames.Contains(action.TopologyId, StringComparer.Ordinal))
        {
            return new UiActionResult(404, "unknown topology", $"No topology named '{action.TopologyId}' is running.");
        }

        try
        {
            switch (action.Kind)
            {
                case "activate":
                    cluster.Activate(action.TopologyId);
                    break;
                case "deactivate":
                    cluster.Deactivate(action.TopologyId);
                    break;
                case "rebalance":
                    if (action.Workers is { } workers && workers != cluster.GetTopologyStats(action.TopologyId).Workers)
                    {
                        return new UiActionResult(400, "invalid rebalance", "Local mode cannot change the worker count of a running topology; change executors instead.");
                    }

                    cluster.Rebalance(action.TopologyId, action.Executors ?? []);
                    break;
                case "kill":
                    // Deactivate now and finish the kill in the background, as Nimbus does after the wait.
                    var wait = action.WaitSecs >= 0 ? action.WaitSecs : MessageTimeout(action.TopologyId);
                    cluster.Deactivate(action.TopologyId);
                    _ = Task.Run(() => cluster.KillTopologyAsync(action.TopologyId, wait), CancellationToken.None);
                    break;
                case "debug":
                    cluster.Debug(action.TopologyId, action.Debug.Component, action.Debug.Setting.Enabled, action.Debug.Setting.SamplingPct);
                    break;
                default:
                    return new UiActionResult(404, "unknown action", $"'{action.Kind}' is not an action (activate, deactivate, rebalance, kill, debug).");
            }
        }
        catch (InvalidTopologyException e)
        {
            return new UiActionResult(400, "invalid rebalance", e.Message);
        }
        catch (ArgumentException e)
        {
            return new UiActionResult(400, "invalid debug", e.Message);
        }
        catch (InvalidOperationException e)
        {
            return new UiActionResult(400, "event logging off", e.Message);
        }

        await Task.CompletedTask;
        return UiActionResult.Ok;
    }

    private int MessageTimeout(string name) =>
        cluster.GetTopologyStats(name).Conf.TryGetValue(Config.TopologyMessageTimeoutSecs, out var v) && v is not null ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 30;

    private UiActionResult? Authorize(string authorization)
    {
        if (authorization.Length == 0)
        {
            return new UiActionResult(401, "missing token", "This action changes the topology and needs the UI's API token (printed when the UI started).");
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization), Encoding.UTF8.GetBytes("Bearer " + token))
            ? null
            : new UiActionResult(403, "invalid token", "The API token does not match this UI's token.");
    }

    private UiTopology? Describe(string name)
    {
        LocalTopologyInfo info;
        try
        {
            info = cluster.GetTopologyStats(name);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }

        var reports = info.Reports.Select(r => new UiReport("local", "localhost", r.Port, "", r)).ToList();
        return new UiTopology(
            info.Name,
            info.Name,
            info.Active ? "ACTIVE" : "INACTIVE",
            (long)(time.GetUtcNow() - info.Started).TotalSeconds,
            info.Workers,
            info.Conf.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal),
            [.. reports.Select(r => new UiWorker("local", r.Host, r.Port, Alive: true, r.LogLink))],
            reports);
    }
}
