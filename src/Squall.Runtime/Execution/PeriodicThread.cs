namespace Squall.Runtime.Execution;

/// <summary>
/// Runs an action every period on a thread of its own that sleeps in between: for the engine's own
/// high-frequency housekeeping (the 1 ms flush tick, the pool's 10 ms monitor), not for user timers.
/// </summary>
/// <remarks>
/// A <see cref="System.Threading.Timer"/> would run each call on the .NET thread pool, and a pool worker spins
/// for more work after every callback. At hundreds of calls a second that spinning takes a core away from
/// the spouts and the executor pool on a small machine; a sleeping thread costs one wake per call and nothing
/// else.
/// </remarks>
internal sealed class PeriodicThread : IDisposable
{
    private readonly TimeSpan _period;
    private readonly Action _action;
    private readonly ManualResetEventSlim _stop = new(false, spinCount: 0);
    private readonly Thread _thread;

    public PeriodicThread(string name, TimeSpan period, Action action)
    {
        _period = period;
        _action = action;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();

        _stop.Dispose();
    }

    private void Run()
    {
        while (!_stop.Wait(_period))
        {
            _action();
        }
    }
}
