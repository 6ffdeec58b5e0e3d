namespace Squall;

/// <summary>Reserved component and stream ids, as Storm names them.</summary>
public static class Constants
{
    /// <summary>The stream a component emits to when no stream is named.</summary>
    public const string DefaultStreamId = "default";

    /// <summary>The pseudo-component that sends tick tuples.</summary>
    public const string SystemComponentId = "__system";

    /// <summary>The stream of tick tuples.</summary>
    public const string SystemTickStreamId = "__tick";

    /// <summary>The component id of the acker tasks.</summary>
    public const string AckerComponentId = "__acker";

    /// <summary>Ids starting with this prefix are reserved for the system.</summary>
    public const string ReservedPrefix = "__";
}
