using Squall.Wire.Codec;

namespace Squall.Wire.Tests.Support;

/// <summary>A user type whose serializer misbehaves on purpose, as <see cref="Fault"/> says.</summary>
public sealed record Gadget(int Id, string Fault);

/// <summary>
/// Writes a gadget as id, fault and a pad byte, and reads it back, except: "write" throws after writing the id
/// and fault; "throw" throws on read; "short" leaves the pad byte unread; "long" reads 8 bytes past the pad.
/// </summary>
public sealed class GadgetSerializer : ValueSerializer<Gadget>
{
    public override void Write<TBufferWriter>(ref WireWriter<TBufferWriter> writer, Gadget value)
    {
        writer.WriteVarInt32(value.Id);
        writer.WriteString(value.Fault);
        if (value.Fault == "write")
        {
            throw new InvalidOperationException($"gadget {value.Id} will not be written");
        }

        writer.WriteByte(0);
    }

    public override Gadget Read(ref WireReader reader)
    {
        var id = reader.ReadVarInt32();
        var fault = reader.ReadString();
        switch (fault)
        {
            case "throw": throw new InvalidOperationException($"gadget {id} will not be read");
            case "short": break;
            case "long": reader.ReadByte(); reader.ReadInt64(); break;
            default: reader.ReadByte(); break;
        }

        return new Gadget(id, fault);
    }
}
