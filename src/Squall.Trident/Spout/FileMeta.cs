namespace Squall.Trident.Spout;

/// <summary>A file batch's metadata, as stored: <c>[start, end]</c> byte offsets.</summary>
internal static class FileMeta
{
    public static object?[] Of(long start, long end) => [start, end];

    public static long Start(object? meta) => meta is object?[] m ? (long)m[0]! : 0;

    public static long End(object? meta) => meta is object?[] m ? (long)m[1]! : 0;
}
