namespace Squall;

/// <summary>What Squall does with a Storm <c>topology.*</c> key.</summary>
internal enum KeyEffect
{
    /// <summary>Behaves as in Storm.</summary>
    Honoured,

    /// <summary>Written by the system (e.g. <c>topology.name</c>); a user value is replaced.</summary>
    System,

    /// <summary>Accepted so ported configurations run, but Squall does nothing with it (warned about at submit).</summary>
    None,
}
