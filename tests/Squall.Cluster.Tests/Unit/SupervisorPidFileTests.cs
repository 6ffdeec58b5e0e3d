using Squall.Cluster.Supervisor;

namespace Squall.Cluster.Tests.Unit;

/// <summary>How a worker tells that its supervisor still runs.</summary>
[Trait("Category", "Unit")]
public sealed class SupervisorPidFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("squall-pidfile-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_writing_process_is_alive_and_a_missing_or_stale_file_is_not()
    {
        var path = Path.Combine(_dir, SupervisorPidFile.FileName);
        SupervisorPidFile.IsAlive(path).ShouldBeFalse("no file");

        SupervisorPidFile.Write(_dir);
        SupervisorPidFile.IsAlive(path).ShouldBeTrue();

        // The same pid, started at another time: a reused pid, not the supervisor.
        File.WriteAllText(path, $"{Environment.ProcessId} {DateTime.UtcNow.AddHours(-3).Ticks}");
        SupervisorPidFile.IsAlive(path).ShouldBeFalse();

        File.WriteAllText(path, "garbage");
        SupervisorPidFile.IsAlive(path).ShouldBeFalse();
    }
}
