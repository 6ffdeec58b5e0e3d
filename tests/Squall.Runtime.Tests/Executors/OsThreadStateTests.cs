using Squall.Runtime.Execution;

namespace Squall.Runtime.Tests.Executors;

/// <summary>
/// The pool's monitor replaces a thread only when its user code waits: a thread asleep in the kernel reads as
/// waiting, a running one does not (on Linux; elsewhere every thread counts as waiting).
/// </summary>
[Trait("Category", "Unit")]
public sealed class OsThreadStateTests
{
    [Fact]
    public void A_running_thread_is_not_waiting_and_a_sleeping_one_is()
    {
        OsThreadState.OfCurrentThread().IsWaiting.ShouldBe(!OperatingSystem.IsLinux(), "the thread asking is running");

        using var gate = new ManualResetEventSlim(false, spinCount: 0);
        OsThreadState? sleeper = null;
        var thread = new Thread(() =>
        {
            Volatile.Write(ref sleeper, OsThreadState.OfCurrentThread());
            gate.Wait();
        });
        thread.Start();
        try
        {
            Wait.Until(() => Volatile.Read(ref sleeper) is { IsWaiting: true }, "the thread parked on the gate reads as waiting", TimeSpan.FromSeconds(60));
        }
        finally
        {
            gate.Set();
            thread.Join();
        }
    }
}
