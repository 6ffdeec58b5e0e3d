using System.CommandLine;
using Squall.Cluster.Nimbus;

namespace Squall.Cli;

/// <summary><c>squall validate-package DIR CONF</c>: the child process in which Nimbus runs a submitted topology's <c>Build()</c> (not for users).</summary>
internal static class ValidatePackageCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("package-dir");
        var conf = new Argument<string>("conf-file");
        var command = new Command(PackageValidationChild.Command, "Builds an unpacked topology package once (started by Nimbus).") { dir, conf };
        command.Hidden = true;
        command.SetAction(result => PackageValidationChild.Run(result.GetValue(dir)!, result.GetValue(conf)!, Console.Out));
        return command;
    }
}
