using System.CommandLine;
using Squall.Cli;

var root = new RootCommand("squall: run Storm-style topologies on .NET")
{
    RunCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
