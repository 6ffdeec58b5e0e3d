using System.CommandLine;

namespace Squall.Cli;

/// <summary><c>squall list</c>: the cluster's topologies.</summary>
internal static class ListCommand
{
    public static Command Create() => ClientCommand.Create("list", "Lists the topologies on the cluster.", async (_, _, client, cancel) =>
    {
        var list = await client.ListAsync(cancel);
        if (list.Topologies.Count == 0)
        {
            Console.WriteLine("No topologies running.");
            return 0;
        }

        Console.WriteLine($"{"Topology",-24} {"Status",-12} {"Workers",7} {"Epoch",6} {"Uptime (s)",10}  Id");
        foreach (var t in list.Topologies)
        {
            Console.WriteLine($"{t.Name,-24} {t.Status,-12} {t.WorkersTotal,7} {t.Epoch,6} {t.UptimeSeconds,10}  {t.Id}");
        }

        return 0;
    });
}
