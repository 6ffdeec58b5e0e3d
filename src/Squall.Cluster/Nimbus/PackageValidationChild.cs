using Squall.Cluster.Packaging;
using Squall.Cluster.State;
using Squall.Runtime;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// The child side of <see cref="PackageValidator"/> (<c>squall validate-package DIR CONF</c>): loads the
/// unpacked package, says <see cref="BuildingLine"/>, calls the source's <c>Build()</c> and validates the
/// result, then prints one result line: <see cref="ResultPrefix"/><c>ok\t{source type}</c> or
/// <see cref="ResultPrefix"/><c>{error}\t{message}</c>. The user's code may write to stdout too; only these
/// lines count.
/// </summary>
internal static class PackageValidationChild
{
    public const string Command = "validate-package";
    public const string BuildingLine = "squall-validate: building";
    public const string ResultPrefix = "squall-validate: ";
    public const string Ok = "ok";

    public static int Run(string packageDir, string confPath, TextWriter output)
    {
        var conf = new Config(ClusterJson.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(confPath))
            .Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
        ITopologySource source;
        try
        {
            source = TopologyLoader.LoadPackage(packageDir, PackageArchive.ReadManifest(packageDir));
        }
        catch (Exception e)
        {
            return Report(output, "invalid package", $"The topology could not be loaded: {OneLine(e)}");
        }

        output.WriteLine(BuildingLine);
        output.Flush();
        try
        {
            var topology = source.Build(new Config(conf));
            TopologyConfigValidator.Validate(conf, topology);
            if (!topology.SpoutIds.Any())
            {
                throw new InvalidTopologyException("The topology has no spout.");
            }
        }
        catch (Exception e)
        {
            return Report(output, "invalid topology", $"The topology failed validation: {OneLine(e)}");
        }

        return Report(output, Ok, source.GetType().FullName!);
    }

    private static int Report(TextWriter output, string kind, string text)
    {
        output.WriteLine($"{ResultPrefix}{kind}\t{text}");
        output.Flush();
        return 0;
    }

    private static string OneLine(Exception e) => e.GetBaseException().Message.ReplaceLineEndings(" ");
}
