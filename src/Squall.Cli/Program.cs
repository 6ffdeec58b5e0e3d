using System.CommandLine;
using Squall.Cli;

var root = new RootCommand("squall: run Storm-style topologies on .NET")
{
    RunCommand.Create(),
    SubmitCommand.Create(),
    NewCommand.Create(),
    ListCommand.Create(),
    InfoCommand.Create(),
    KillCommand.Create(),
    ActivationCommands.Activate(),
    ActivationCommands.Deactivate(),
    RebalanceCommand.Create(),
    NimbusCommand.Create(),
    SupervisorCommand.Create(),
    DevClusterCommand.Create(),
    DrpcCommand.Create(),
    WorkerCommand.Create(),
    ValidatePackageCommand.Create(),
    UiCommand.Create(),
};
// Daemons stop their workers and ZooKeeper on Ctrl+C / SIGTERM: give them time before the process is ended.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
