namespace Squall.ZooKeeper.Jute;

/// <summary>Decodes a multi reply: a MultiHeader before each result, then a header with done=true.</summary>
internal static class MultiResponse
{
    public static List<OpResult> Read(ref JuteReader reader, IReadOnlyList<Op> ops, Func<string, string> toClientPath)
    {
        var results = new List<OpResult>(ops.Count);
        while (true)
        {
            var type = reader.ReadInt();
            var done = reader.ReadBool();
            var err = (ErrorCode)reader.ReadInt();
            if (done)
            {
                return results;
            }

            if (results.Count >= ops.Count)
            {
                throw new InvalidDataException("Multi reply holds more results than the request had operations.");
            }

            var kind = ops[results.Count].Kind;
            results.Add((OpCode)type switch
            {
                OpCode.Create => new OpResult(kind, ErrorCode.Ok, Path: toClientPath(reader.ReadString()!)),
                OpCode.SetData => new OpResult(kind, ErrorCode.Ok, Stat: StatCodec.Read(ref reader)),
                OpCode.Delete or OpCode.Check => new OpResult(kind, ErrorCode.Ok),
                OpCode.Error => new OpResult(kind, (ErrorCode)reader.ReadInt()),
                _ => throw new InvalidDataException($"Unexpected multi result type {type} (err {err})."),
            });
        }
    }
}
