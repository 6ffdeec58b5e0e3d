using System.CommandLine;
using System.Globalization;

namespace Squall.Cli;

/// <summary><c>squall rebalance NAME [-w secs] [-n workers] [-e component=parallelism]</c>.</summary>
internal static class RebalanceCommand
{
    public static Command Create()
    {
        var name = ClientCommand.NameArgument();
        var wait = ClientCommand.WaitOption();
        var workers = new Option<int?>("--num-workers", "-n") { Description = "The new worker count." };
        var executors = new Option<string[]>("--executor", "-e") { Description = "component=parallelism; may repeat." };
        return ClientCommand.Create("rebalance", "Moves a topology to another worker count or parallelism.", async (result, _, client, cancel) =>
        {
            var parsed = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var pair in result.GetValue(executors) ?? [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || !int.TryParse(pair[(eq + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    throw new FormatException($"-e '{pair}' must look like component=parallelism.");
                }

                parsed[pair[..eq]] = n;
            }

            var done = await client.RebalanceAsync(result.GetValue(name)!, result.GetValue(wait), result.GetValue(workers), parsed.Count == 0 ? null : parsed, cancel);
            Console.WriteLine($"Rebalancing {done.TopologyId}.");
            return 0;
        }, name, wait, workers, executors);
    }
}
