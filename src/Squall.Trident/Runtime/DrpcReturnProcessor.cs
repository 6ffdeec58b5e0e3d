using System.Text.Json;

namespace Squall.Trident.Runtime;

/// <summary>
/// The end of a DRPC stream: gathers a request's results and, once its batch is complete, returns them as a JSON list of
/// tuples (Storm's format, e.g. <c>[["cat",3]]</c>) through ReturnResults. Input 0 is the stream, input 1 the return info.
/// </summary>
internal sealed class DrpcReturnProcessor : Processor
{
    public override void Execute(TrackedBatch batch, int input, object?[] values)
    {
        var request = SlotOf<Request>(batch);
        if (input == 1)
        {
            request.ReturnInfo = (string?)values[0];
        }
        else
        {
            request.Results.Add(values);
        }
    }

    public override void Finish(TrackedBatch batch)
    {
        var request = SlotOf<Request>(batch);
        Node.EmitRaw(TridentStreams.DrpcResult, new Values(JsonSerializer.Serialize(request.Results), request.ReturnInfo));
        base.Finish(batch);
    }

    private sealed class Request
    {
        public List<object?[]> Results { get; } = [];

        public string? ReturnInfo { get; set; }
    }
}
