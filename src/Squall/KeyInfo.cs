namespace Squall;

/// <summary>One row of <see cref="TopologyKeys"/>.</summary>
/// <param name="Key">Storm's key name.</param>
/// <param name="Effect">Whether Squall acts on it.</param>
/// <param name="HasDefault">True when the key has a default (possibly null, as Storm's <c>topology.acker.executors</c>).</param>
/// <param name="Default">The default value.</param>
internal sealed record KeyInfo(string Key, KeyEffect Effect, bool HasDefault, object? Default);
