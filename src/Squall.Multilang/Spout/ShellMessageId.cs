namespace Squall.Multilang.Spout;

/// <summary>
/// A shell spout's message id as the engine tracks it: the child's own id (kept with its wire type, handed
/// back verbatim) tagged with the child's generation, so acks for tuples of a dead child never reach its
/// replacement (storm.js restarts its ids at 0, which would otherwise collide).
/// </summary>
internal sealed record ShellMessageId(int Generation, object Id)
{
    public override string ToString() => Convert.ToString(Id, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
