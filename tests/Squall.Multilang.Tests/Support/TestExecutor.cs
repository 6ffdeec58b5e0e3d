using System.Collections.Concurrent;

namespace Squall.Multilang.Tests.Support;

/// <summary>
/// A stand-in for a runtime executor around one component under test: one thread runs everything the test
/// invokes and everything posted to its mailbox, in order, so the component sees what it sees in a topology
/// (one executor thread; other threads hand work over through <see cref="IExecutorMailbox"/>).
/// </summary>
public sealed class TestExecutor : IExecutorMailbox, IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;
    private readonly ConcurrentQueue<Exception> _errors = new();

    public TestExecutor()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "test executor" };
        _thread.Start();
    }

    public int ThreadId => _thread.ManagedThreadId;

    /// <summary>What posted work threw (a runtime executor reports it as the component's error).</summary>
    public IReadOnlyList<Exception> Errors => [.. _errors];

    public void Post(Action work) => _work.Add(work);

    /// <summary>Runs <paramref name="action"/> on the executor thread and waits for it; rethrows what it throws.</summary>
    public void Invoke(Action action)
    {
        Exception? thrown = null;
        using var done = new ManualResetEventSlim();
        _work.Add(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                thrown = e;
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait();
        if (thrown is not null)
        {
            throw new InvalidOperationException($"The executor thread threw: {thrown.Message}", thrown);
        }
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _thread.Join();
        _work.Dispose();
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            try
            {
                work();
            }
            catch (Exception e)
            {
                _errors.Enqueue(e);
            }
        }
    }
}
