using System.Diagnostics;
using Squall.Runtime.Messaging;

namespace Squall.Runtime.Execution;

/// <summary>
/// A spout's executor runs on a thread of its own: NextTuple polls an outside source and may block in it
/// (every storm-starter spout sleeps 100 ms), which must never hold up a pool thread that bolts and ackers need.
/// </summary>
internal sealed partial class Executor
{
    private const int SpoutBurst = 64;
    private const int SpinRounds = 8;
    private static readonly TimeSpan ParkTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ShortPark = TimeSpan.FromMilliseconds(1);

    /// <summary>How long an idle executor keeps yielding before it parks (wall clock, not the topology's TimeProvider).</summary>
    private static readonly TimeSpan YieldWindow = TimeSpan.FromMicroseconds(200);

    private readonly Thread? _thread;
    private int _idleRounds;
    private long _idleSince;

    private void RunDedicated()
    {
        Bind();
        StartAll();
        while (!_stopping)
        {
            var worked = Mailbox.Drain(_tasks[0]);
            worked |= DrainInbox(long.MaxValue);
            worked |= DrainControl();
            worked |= RunSpouts();
            Outbox.Flush();
            if (worked)
            {
                _idleRounds = 0;
            }
            else
            {
                Idle();
            }
        }

        Finish();
    }

    private bool RunSpouts()
    {
        if (_spouts.Length == 0)
        {
            return false;
        }

        if (Outbox.HasOverflow)
        {
            foreach (var spout in _spouts)
            {
                if (spout.IsActive)
                {
                    ThrottleWhileOverflowing(spout);
                    break;
                }
            }

            return false;
        }

        var emitted = false;
        foreach (var spout in _spouts)
        {
            emitted |= Burst(spout);
        }

        return emitted;
    }

    /// <summary>
    /// Up to <see cref="SpoutBurst"/> NextTuple calls, as Storm 2 does: acks and control messages are taken
    /// every <c>topology.spout.recvq.skips</c> calls, and the burst ends at the first call that emits nothing
    /// or that sees the flush timer move, so emits wait at most one flush interval and a spout that sleeps
    /// in NextTuple (every storm-starter spout does) sends each tuple as soon as its call returns.
    /// </summary>
    private bool Burst(SpoutTask spout)
    {
        var worker = spout.Worker;
        var skips = worker.Options.SpoutRecvqSkips;
        var flushEveryCall = worker.Options.BatchFlushIntervalMillis == 0;
        var epoch = worker.FlushEpoch;
        var emitted = false;
        var untilReceive = skips; // a countdown, not i % skips: a division per NextTuple call showed in profiles
        for (var i = 0; i < SpoutBurst && spout.IsActive && spout.IsReady && spout.CheckRoom(); i++)
        {
            if (!spout.NextTuple())
            {
                break;
            }

            emitted = true;
            if (flushEveryCall || worker.FlushEpoch != epoch)
            {
                break;
            }

            // Acks and control after the call, not before the next: the loop's condition then sees a Deactivate
            // (or a full max.spout.pending) taken here before NextTuple is called again.
            if (--untilReceive == 0)
            {
                untilReceive = skips;
                DrainInbox(long.MaxValue);
                DrainControl();
            }
        }

        return emitted;
    }

    private void ThrottleWhileOverflowing(SpoutTask spout)
    {
        var start = spout.Worker.Time.GetTimestamp();
        Outbox.WaitForSpace(ShortPark);
        spout.Metrics.ThrottledTicks += spout.Worker.Time.GetElapsedTime(start).Ticks;
    }

    private void Idle()
    {
        _idleRounds++;
        if (_idleRounds == 1)
        {
            _idleSince = Stopwatch.GetTimestamp();
        }

        if (_idleRounds <= SpinRounds)
        {
            Thread.SpinWait(20);
        }
        else if (Stopwatch.GetElapsedTime(_idleSince) < YieldWindow)
        {
            // Yield, not spin: on a machine with fewer cores than threads a spinning consumer would steal
            // the producer's core, while a yield hands it over. Staying awake this long means a steady flow
            // (e.g. 100k tuples/s, one every 10 µs) never pays a park and futex wake per tuple.
            Thread.Yield();
        }
        else if (Outbox.HasOverflow)
        {
            Outbox.WaitForSpace(ShortPark);
        }
        else
        {
            // A spout polls its source: park briefly; anything else only waits for input, so park until woken.
            Inbox.WaitForWork(_spouts.Length > 0 ? ShortPark : ParkTimeout);
        }
    }
}
