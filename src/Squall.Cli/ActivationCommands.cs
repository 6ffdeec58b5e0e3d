using System.CommandLine;

namespace Squall.Cli;

/// <summary><c>squall activate NAME</c> and <c>squall deactivate NAME</c>: start or stop calling the spouts' NextTuple.</summary>
internal static class ActivationCommands
{
    public static Command Activate()
    {
        var name = ClientCommand.NameArgument();
        return ClientCommand.Create("activate", "Activates a topology's spouts.", async (result, _, client, cancel) =>
        {
            Console.WriteLine($"Activated {(await client.ActivateAsync(result.GetValue(name)!, cancel)).TopologyId}.");
            return 0;
        }, name);
    }

    public static Command Deactivate()
    {
        var name = ClientCommand.NameArgument();
        return ClientCommand.Create("deactivate", "Deactivates a topology's spouts (bolts keep draining).", async (result, _, client, cancel) =>
        {
            Console.WriteLine($"Deactivated {(await client.DeactivateAsync(result.GetValue(name)!, cancel)).TopologyId}.");
            return 0;
        }, name);
    }
}
