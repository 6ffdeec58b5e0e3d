using System.Diagnostics;

namespace Squall.Perf.Timing;

/// <summary>
/// Decides, at each pass boundary, whether to start another pass over the corpus: always the first,
/// then more until the duration has elapsed. Stopping only at a boundary keeps the expected checksum
/// exact (R passes ⇒ R × the one-pass checksum), at the cost of overrunning the duration by up to a pass.
/// </summary>
internal sealed class PassGate
{
    private readonly TimeSpan _duration;
    private readonly Stopwatch _clock;

    public PassGate(TimeSpan duration)
    {
        _duration = duration;
        _clock = Stopwatch.StartNew();
    }

    public long Passes { get; private set; }

    /// <summary>Time since the gate was created; read it after the pipeline has drained.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public bool TryStartPass()
    {
        if (Passes > 0 && _clock.Elapsed >= _duration)
        {
            return false;
        }

        Passes++;
        return true;
    }
}
