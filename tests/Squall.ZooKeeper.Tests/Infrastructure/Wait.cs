namespace Squall.ZooKeeper.Tests.Infrastructure;

/// <summary>Generous bounds for waiting on events: they fail a hung test, they never measure speed.</summary>
public static class Wait
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    public static Task<T> For<T>(Task<T> task) => task.WaitAsync(Long);

    public static Task For(Task task) => task.WaitAsync(Long);
}
