namespace Squall.Cluster.Tests.Infrastructure;

/// <summary>Waits for a condition with a generous deadline; the failure message says what never became true.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not true within {timeout.TotalSeconds:F0} s: {describe()}");
            }

            await Task.Delay(200); // polling a condition, never an assertion
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, describe);
}
