using System.CommandLine;
using Squall.Cli;

var root = new RootCommand("squall: run Storm-style topologies on .NET")
{
    RunCommand.Create(),
    SubmitCommand.Create(),
    ListCommand.Create(),
    InfoCommand.Create(),
    KillCommand.Create(),
    ActivationCommands.Activate(),
    ActivationCommands.Deactivate(),
    RebalanceCommand.Create(),
    NimbusCommand.Create(),
    SupervisorCommand.Create(),
    DevClusterCommand.Create(),
    WorkerCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
