namespace Squall.Runtime.Messaging;

/// <summary>Where an <see cref="Outbox"/> publishes batches: a local executor's inbox, or a link to another worker.</summary>
internal interface IBatchSink
{
    /// <summary>Takes the batch, or returns false when full (the producer keeps it in its overflow).</summary>
    bool TryPublish(TupleBatch batch);

    /// <summary>Parks a producer until there may be room, or <paramref name="timeout"/> passes.</summary>
    void WaitForSpace(TimeSpan timeout);

    /// <summary>
    /// Activates <paramref name="waiter"/> once, the next time room may have appeared (for executors on the
    /// pool, which never park inside a slice). A sink that cannot tell may leave it to the pool's periodic retry.
    /// </summary>
    void NotifyOnSpace(IActivatable waiter);
}
