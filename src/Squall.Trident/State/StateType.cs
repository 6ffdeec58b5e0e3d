namespace Squall.Trident.State;

/// <summary>How a map state makes a replayed batch count once (Storm's <c>StateType</c>).</summary>
public enum StateType
{
    /// <summary>Stores the value only: a replayed batch is counted again (at least once).</summary>
    NonTransactional,

    /// <summary>Stores value and txid: needs a transactional spout (a txid always replays the same batch); exactly once.</summary>
    Transactional,

    /// <summary>Stores value, previous value and txid: exactly once even when a replayed txid brings a different batch.</summary>
    Opaque,
}
