using Squall.Cluster.Tests.Cluster;
using Squall.Cluster.Tests.Infrastructure;

namespace Squall.Cluster.Tests.Integration;

/// <summary>The CLI answers bad input with one line naming the problem and a non-zero exit code, never a stack trace.</summary>
[Trait("Category", "Integration")]
public sealed class CliErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("squall-cli-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_of_a_missing_project_names_the_path()
    {
        await ShouldFailWith(["run", Path.Combine(_dir, "no-such-project")], "No project or assembly at");
    }

    [Fact]
    public async Task Run_of_a_file_that_is_not_a_dotnet_assembly_says_so()
    {
        var dll = Path.Combine(_dir, "NotDotNet.dll");
        await File.WriteAllTextAsync(dll, "#!/bin/sh\necho not an assembly\n");
        await ShouldFailWith(["run", dll], "is not a .NET assembly");
    }

    [Fact]
    public async Task Run_with_a_malformed_config_override_names_it()
    {
        await ShouldFailWith(["run", WordCountRun.TopologyDll, "-c", "topology.workers"], "'topology.workers' must look like key=value");
    }

    [Fact]
    public async Task Run_with_a_bad_config_value_names_the_key()
    {
        await ShouldFailWith(["run", WordCountRun.TopologyDll, "-c", $"test.output={_dir}", "-c", "topology.message.timeout.secs=soon"], "topology.message.timeout.secs");
    }

    [Fact]
    public async Task Run_of_a_topology_that_fails_to_build_says_why()
    {
        await ShouldFailWith(["run", WordCountRun.TopologyDll], "Set test.output.");
    }

    [Fact]
    public async Task A_daemon_with_a_port_out_of_range_names_the_key()
    {
        await ShouldFailWith(["nimbus", "-c", "nimbus.http.port=70000", "-c", "squall.api.token=0123456789", "-c", "squall.supervisor.token=9876543210", "-c", "storm.zookeeper.auth.payload=squall:0123456789", "-c", $"storm.local.dir={_dir}"], "nimbus.http.port");
        await ShouldFailWith(["supervisor", "-c", "supervisor.slots.ports=[6700,99999]", "-c", "squall.api.token=0123456789", "-c", "squall.supervisor.token=9876543210", "-c", "storm.zookeeper.auth.payload=squall:0123456789", "-c", $"storm.local.dir={_dir}"], "supervisor.slots.ports");
        await ShouldFailWith(["dev-cluster", "-c", "storm.zookeeper.port=123456", "-c", $"storm.local.dir={_dir}"], "storm.zookeeper.port");
        await ShouldFailWith(["nimbus", "-c", "nimbus.http.port=http", "-c", "squall.api.token=0123456789", "-c", "squall.supervisor.token=9876543210", "-c", "storm.zookeeper.auth.payload=squall:0123456789", "-c", $"storm.local.dir={_dir}"], "nimbus.http.port");
    }

    private async Task ShouldFailWith(string[] args, string problem)
    {
        var (exit, output) = await DaemonProcess.RunAsync(_dir, args);

        exit.ShouldNotBe(0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldContain(l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains(problem, StringComparison.Ordinal), output);
        output.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        output.ShouldNotContain("Unhandled exception", Case.Sensitive);
    }
}
