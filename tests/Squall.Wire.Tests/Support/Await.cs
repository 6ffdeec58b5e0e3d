namespace Squall.Wire.Tests.Support;

internal static class Await
{
    /// <summary>Completes when <paramref name="subscribe"/>'s event first fires with a matching value.</summary>
    public static async Task<T> EventAsync<T>(Action<EventHandler<T>> subscribe, Action<EventHandler<T>> unsubscribe, Func<T, bool>? match = null)
    {
        TaskCompletionSource<T> fired = new(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, T value)
        {
            if (match is null || match(value))
            {
                fired.TrySetResult(value);
            }
        }

        subscribe(Handler);
        try
        {
            return await fired.Task.WaitAsync(RecordingHandler.Timeout);
        }
        finally
        {
            unsubscribe(Handler);
        }
    }
}
