using System.CommandLine;

namespace Squall.Cli;

/// <summary><c>squall kill NAME [-w secs]</c>: deactivates, waits, then removes the topology's workers, package and state.</summary>
internal static class KillCommand
{
    public static Command Create()
    {
        var name = ClientCommand.NameArgument();
        var wait = ClientCommand.WaitOption();
        return ClientCommand.Create("kill", "Kills a topology.", async (result, _, client, cancel) =>
        {
            var done = await client.KillAsync(result.GetValue(name)!, result.GetValue(wait), cancel);
            Console.WriteLine($"Killing {done.TopologyId}.");
            return 0;
        }, name, wait);
    }
}
