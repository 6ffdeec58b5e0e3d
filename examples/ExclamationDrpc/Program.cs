using ExclamationDrpc;
using Squall.Runtime;

// Usage: ExclamationDrpc [argument ...]   (default: hello goodbye)
// Runs the topology in local mode with a LocalDrpc and calls 'exclamation' for each argument.
string[] arguments = args.Length > 0 ? args : ["hello", "goodbye", ""];
using var drpc = new LocalDrpc();
using var cluster = new LocalCluster();
cluster.SubmitTopology("exclamation-drpc", new Config(), ExclamationDrpcTopology.Construct().CreateLocalTopology(drpc));
foreach (var argument in arguments)
{
    try
    {
        Console.WriteLine($"exclamation(\"{argument}\") = \"{await drpc.ExecuteAsync(ExclamationDrpcTopology.Function, argument)}\"");
    }
    catch (DrpcException e)
    {
        Console.WriteLine($"exclamation(\"{argument}\") failed ({e.Kind}): {e.Message}");
    }
}
