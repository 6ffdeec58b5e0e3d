using System.IO.Compression;
using Squall.Cluster.Tests.Infrastructure;
using Squall.ZooKeeper;

namespace Squall.Cluster.Tests.Cluster;

/// <summary>Each bad input gets a clear CLI error and leaves the cluster as it was.</summary>
[Trait("Category", "Cluster")]
[Collection("cluster")]
public sealed class BadInputTests
{
    [Fact]
    public async Task Bad_inputs_get_clear_errors_and_change_nothing()
    {
        await using var cluster = await TestCluster.StartAsync(supervisors: 1, slotsPerSupervisor: 1);
        var run = new WordCountRun(cluster.Dir, sentences: 10);

        (await cluster.CliAsync(run.SubmitArgs("words", 1, 0))).ExitCode.ShouldBe(0);
        await ZooKeeperIsClosedToStrangersAndWorkersReadOnlyTheirAssignment(cluster);

        await ShouldFail(cluster, "name in use", run.SubmitArgs("words", 1, 0));
        await ShouldFail(cluster, "unknown topology", "kill", "nothing-here");
        await ShouldFail(cluster, "unknown topology", "info", "nothing-here");
        await ShouldFail(cluster, "missing token", [.. run.SubmitArgs("other", 1, 0), "-c", "squall.api.token="]);
        await ShouldFail(cluster, "invalid token", "kill", "words", "-c", "squall.api.token=wrong-token-123");
        await ShouldFail(cluster, "invalid topology", [.. run.SubmitArgs("other", 1, 0), "-c", "topology.workers=0"]);
        await ShouldFail(cluster, "invalid topology", [.. run.SubmitArgs("other", 1, 0), "-c", "topology.wokers=2"]);

        var corrupt = Path.Combine(cluster.Dir, "corrupt", "Squall.Cluster.TestTopology.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(corrupt)!);
        await File.WriteAllTextAsync(corrupt, "not an assembly");
        await ShouldFail(cluster, "error", "submit", corrupt, "--name", "other");
        await ShouldFail(cluster, "corrupt package", "submit-raw", "other");

        // User code that hangs or exits in Build() runs in a child of Nimbus: the submit fails, Nimbus lives on.
        await ShouldFail(cluster, "build timed out", [.. run.SubmitArgs("other", 1, 0), "-c", "test.build=hang"]);
        await ShouldFail(cluster, "ended the validation process (exit code 42) while building the topology", [.. run.SubmitArgs("other", 1, 0), "-c", "test.build=exit"]);
        cluster.Nimbuses[0].HasExited.ShouldBeFalse();

        (await cluster.ZooKeeperChildrenAsync("/topologies")).Count.ShouldBe(1);
        (await cluster.CliAsync("list")).Output.ShouldNotContain("other");
        (await cluster.CliAsync(run.SubmitArgs("after", 1, 0))).ExitCode.ShouldBe(0, "Nimbus still takes good submits");
    }

    [Fact]
    public async Task Unreachable_zookeeper_stops_a_daemon_with_a_clear_error()
    {
        var dir = Directory.CreateTempSubdirectory("squall-nozk-").FullName;
        try
        {
            var (exit, output) = await DaemonProcess.RunAsync(
                dir, "nimbus", "-c", "storm.zookeeper.port=1", "-c", "storm.zookeeper.connection.timeout=2000", "-c", "squall.api.token=0123456789", "-c", "squall.supervisor.token=9876543210", "-c", "storm.zookeeper.auth.payload=squall:0123456789", "-c", $"storm.local.dir={dir}", "-c", "nimbus.http.port=0");
            exit.ShouldBe(1, output);
            output.ShouldContain("Cannot reach ZooKeeper at 127.0.0.1:1");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task ZooKeeperIsClosedToStrangersAndWorkersReadOnlyTheirAssignment(TestCluster cluster)
    {
        var id = (await cluster.ZooKeeperChildrenAsync("/topologies")).Single();
        var authFile = Path.Combine(cluster.SupervisorDir(0), "supervisor", "workers", cluster.SlotPorts[0][0].ToString(System.Globalization.CultureInfo.InvariantCulture), "zookeeper-auth");
        await Wait.UntilAsync(() => File.Exists(authFile), TimeSpan.FromSeconds(90), () => "the worker is launched (so its assignment exists)\n" + cluster.Logs());
        await using (var stranger = await ZooKeeperClient.ConnectAsync(cluster.ZooKeeper.ConnectionString))
        {
            await Should.ThrowAsync<NoAuthException>(() => stranger.GetDataAsync($"/squall/topologies/{id}"));
            await Should.ThrowAsync<NoAuthException>(() => stranger.GetDataAsync($"/squall/assignments/{id}"));
            await Should.ThrowAsync<NoAuthException>(() => stranger.GetChildrenAsync("/squall/packages"));
            await Should.ThrowAsync<NoAuthException>(() => stranger.CreateAsync($"/squall/packages/{id}/attacker:6627", ReadOnlyMemory<byte>.Empty, CreateMode.Ephemeral));
        }

        // The worker's own credential, handed down by its supervisor in a file only this user reads.
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(authFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await using var worker = await ZooKeeperClient.ConnectAsync(new ZooKeeperClientOptions
        {
            ConnectionString = cluster.ZooKeeper.ConnectionString,
            Auth = [ZooKeeperAuth.Digest(await File.ReadAllTextAsync(authFile))],
        });
        (await worker.GetDataAsync($"/squall/assignments/{id}")).Data.Length.ShouldBeGreaterThan(0);
        await Should.ThrowAsync<NoAuthException>(() => worker.SetDataAsync($"/squall/assignments/{id}", "forged"u8.ToArray()));
        await Should.ThrowAsync<NoAuthException>(() => worker.GetDataAsync($"/squall/topologies/{id}"));
    }

    private static async Task ShouldFail(TestCluster cluster, string error, params string[] args)
    {
        if (args[0] == "submit-raw")
        {
            // A zip that is not a package, straight to the API, as a broken client would send it.
            using var http = new HttpClient();
            http.DefaultRequestHeaders.Authorization = new("Bearer", TestCluster.Token);
            using var body = new MemoryStream();
            using (var zip = new ZipArchive(body, ZipArchiveMode.Create, leaveOpen: true))
            {
                zip.CreateEntry("junk.txt");
            }

            using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{cluster.NimbusPorts[0]}/api/v1/topology?name={args[1]}"), new ByteArrayContent(body.ToArray()));
            ((int)response.StatusCode).ShouldBe(400);
            (await response.Content.ReadAsStringAsync()).ShouldContain(error);
            return;
        }

        var (exit, output) = await cluster.CliAsync(args);
        exit.ShouldBe(1, output);
        output.ShouldContain(error);
        output.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
    }
}
