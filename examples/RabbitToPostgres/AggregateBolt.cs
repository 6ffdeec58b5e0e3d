namespace RabbitToPostgres;

/// <summary>
/// Sums quantity and revenue per product over each tick (1 s): one output tuple per product, anchored to every
/// order it sums, so a failed database write replays those orders. Inputs are acked once their sum is emitted.
/// </summary>
public sealed class AggregateBolt : BaseRichBolt
{
    private readonly Dictionary<string, (long Quantity, double Revenue, List<Tuple> Inputs)> _sums = new(StringComparer.Ordinal);
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("product", "quantity", "revenue"));

    public override IReadOnlyDictionary<string, object?>? GetComponentConfiguration() =>
        new Dictionary<string, object?> { [Config.TopologyTickTupleFreqSecs] = 1 };

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        if (!input.IsTick)
        {
            var product = input.GetString(0)!;
            var sum = _sums.TryGetValue(product, out var s) ? s : (Quantity: 0L, Revenue: 0.0, Inputs: new List<Tuple>());
            sum.Inputs.Add(input);
            _sums[product] = (sum.Quantity + input.GetLong(1), sum.Revenue + input.GetDouble(2), sum.Inputs);
            return;
        }

        foreach (var (product, sum) in _sums)
        {
            _collector!.Emit(sum.Inputs, new Values(product, sum.Quantity, sum.Revenue));
            foreach (var order in sum.Inputs)
            {
                _collector.Ack(order);
            }
        }

        _sums.Clear();
    }
}
