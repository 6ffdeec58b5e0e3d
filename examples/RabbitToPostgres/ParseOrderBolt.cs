using System.Globalization;

namespace RabbitToPostgres;

/// <summary>Parses "product,quantity,unit price" order lines; a malformed line is failed with its reason (and dead-lettered by the spout after 3 tries).</summary>
public sealed class ParseOrderBolt : BaseRichBolt
{
    private OutputCollector? _collector;

    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("product", "quantity", "revenue"));

    public override void Prepare(Config conf, TopologyContext context, OutputCollector collector) => _collector = collector;

    public override void Execute(Tuple input)
    {
        var parts = (input.GetString(0) ?? string.Empty).Split(',');
        if (parts.Length != 3
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
        {
            _collector!.Fail(input, $"not an order line: '{input.GetString(0)}'");
            return;
        }

        _collector!.Emit(input, new Values(parts[0].Trim(), quantity, quantity * price));
        _collector.Ack(input);
    }
}
