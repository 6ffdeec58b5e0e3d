using System.CommandLine;

namespace Squall.Cli;

/// <summary><c>squall info NAME</c>: a topology's status, workers and component counters.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var name = ClientCommand.NameArgument();
        return ClientCommand.Create("info", "Shows a topology's status, workers and stats.", async (result, _, client, cancel) =>
        {
            var info = await client.InfoAsync(result.GetValue(name)!, cancel);
            Console.WriteLine($"{info.Name} ({info.Id}): {info.Status}, epoch {info.Epoch}, up {info.UptimeSeconds} s");
            foreach (var w in info.Workers)
            {
                Console.WriteLine($"  worker {w.Index}: {w.Host}:{w.Port} on supervisor {w.SupervisorId} {(w.Alive ? "running" : "not reporting")}");
            }

            Console.WriteLine($"  {"Component",-16} {"Emitted",12} {"Executed",12} {"Acked",12} {"Failed",10}");
            foreach (var s in info.Stats)
            {
                Console.WriteLine($"  {s.ComponentId,-16} {s.Emitted,12:N0} {s.Executed,12:N0} {s.Acked,12:N0} {s.Failed,10:N0}");
            }

            foreach (var error in info.Errors)
            {
                Console.WriteLine($"  error: {error}");
            }

            return 0;
        }, name);
    }
}
