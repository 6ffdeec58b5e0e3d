namespace ExclamationDrpc;

/// <summary>Appends "!" to the argument. An empty argument fails the request, and the caller hears why at once.</summary>
public sealed class ExclamationBolt : BaseBasicBolt
{
    public override void DeclareOutputFields(OutputFieldsDeclarer declarer) => declarer.Declare(new Fields("id", "result"));

    public override void Execute(Tuple input, BasicOutputCollector collector)
    {
        var argument = input.GetString(1);
        if (string.IsNullOrEmpty(argument))
        {
            throw new FailedException("nothing to exclaim: the argument is empty");
        }

        collector.Emit(new Values(input.GetValue(0), argument + "!"));
    }
}
