using System.Diagnostics;

namespace Squall.Testing;

/// <summary>
/// Waits for something to happen on other threads. The timeout is generous on purpose: it only bounds a hang,
/// it is never an assertion of speed.
/// </summary>
public static class Wait
{
    /// <summary>The default bound on a wait: long enough for a loaded 2-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    // Asynchronous conditions usually cost a request to another process: poll them less eagerly.
    private static readonly TimeSpan AsyncPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls <paramref name="condition"/> every 10 ms until it holds.</summary>
    /// <exception cref="TimeoutException">It did not hold within the timeout; the message says what was awaited.</exception>
    public static void Until(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Gave up after {limit.TotalSeconds:0.#} s waiting for: {description}");
            }

            Thread.Sleep(PollInterval);
        }
    }

    /// <summary>Polls until <paramref name="value"/> returns <paramref name="expected"/>, naming the last value seen on timeout.</summary>
    public static void UntilEqual<T>(Func<T> value, T expected, string description, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var last = default(T);
        try
        {
            Until(() => EqualityComparer<T>.Default.Equals(last = value(), expected), description, timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} (expected {expected}, last saw {last})", e);
        }
    }

    /// <summary>
    /// Polls an asynchronous <paramref name="condition"/> (e.g. one that asks a daemon over HTTP) every 100 ms
    /// until it holds; <paramref name="describe"/> runs only on timeout, to attach logs to the message.
    /// </summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>.</exception>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Gave up after {timeout.TotalSeconds:0.#} s waiting for: {describe()}");
            }

            await Task.Delay(AsyncPollInterval);
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms without blocking a thread.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, describe);
}
