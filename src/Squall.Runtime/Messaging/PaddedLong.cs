using System.Runtime.InteropServices;

namespace Squall.Runtime.Messaging;

/// <summary>A long alone on its cache line (64 bytes of padding each side), so hot cursors do not false-share.</summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct PaddedLong
{
    [FieldOffset(64)]
    public long Value;
}
