namespace Squall.Drpc.Topology;

/// <summary>The component and stream names of a linear DRPC topology (Storm's, where Storm has them).</summary>
internal static class DrpcStreams
{
    public const string SpoutId = "spout";
    public const string PrepareId = "prepare-request";
    public const string JoinId = "join-result";
    public const string ReturnId = "return-results";

    /// <summary>PrepareRequest's stream to the first bolt: <c>(request, args)</c>.</summary>
    public const string Args = "args";

    /// <summary>PrepareRequest's stream to JoinResult: <c>(request, return-info)</c>.</summary>
    public const string Return = "return";

    /// <summary>
    /// Coordination: when a task has finished a request it tells each downstream task how many tuples of
    /// that request it sent it, and how many it sent to all of them: <c>(id, count, total)</c>. A direct
    /// stream, except into JoinResult (grouped by id).
    /// </summary>
    public const string Coord = "drpc-coord";

    public static readonly Fields CoordFields = new("id", "count", "total");

    public static string BoltId(int index) => "bolt" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The request id every tuple of a linear DRPC topology carries first (Storm's rule).</summary>
    public static long RequestId(Values values, string component) =>
        values.Count > 0 && values[0].AsObject() is long id
            ? id
            : throw new InvalidOperationException(
                $"DRPC bolt '{component}' emitted [{values}]: the first value of every tuple in a linear DRPC topology must be the request id (the input's first value, a long).");
}
