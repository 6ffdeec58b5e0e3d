using System.Globalization;

namespace RollingTopWords;

/// <summary>
/// Merges the intermediate rankings (one per counting task; the tasks count disjoint words) into the total top <c>n</c> and
/// publishes it to the board: Storm's TotalRankingsBolt.
/// </summary>
public sealed class TotalRankingsBolt : BaseBasicBolt
{
    private readonly RankingBoard _board;
    private readonly int _topN;
    private readonly Dictionary<int, (long WindowEnd, RankedWord[] Words)> _byTask = [];

    public TotalRankingsBolt(RankingBoard board, int topN)
    {
        _board = board;
        _topN = topN;
    }

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer)
    {
    }

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        ArgumentNullException.ThrowIfNull(input);
        var words = input.GetString(2)!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('='))
            .Select(parts => new RankedWord(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture)))
            .ToArray();
        _byTask[input.GetInteger(0)] = (input.GetLong(1), words);
        var total = _byTask.Values.SelectMany(r => r.Words)
            .OrderByDescending(w => w.Count).ThenBy(w => w.Word, StringComparer.Ordinal).Take(_topN).ToArray();
        _board.Publish(new Ranking(_byTask.Values.Max(r => r.WindowEnd), total));
    }
}
