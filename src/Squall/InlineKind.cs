namespace Squall;

/// <summary>Sentinel objects that tag which primitive a <see cref="Value"/> holds inline.</summary>
internal sealed class InlineKind
{
    public static readonly InlineKind Boolean = new("bool", integral: false, floating: false);
    public static readonly InlineKind Byte = new("byte", integral: true, floating: false);
    public static readonly InlineKind Char = new("char", integral: true, floating: false);
    public static readonly InlineKind Int16 = new("short", integral: true, floating: false);
    public static readonly InlineKind Int32 = new("int", integral: true, floating: false);
    public static readonly InlineKind Int64 = new("long", integral: true, floating: false);
    public static readonly InlineKind Single = new("float", integral: false, floating: true);
    public static readonly InlineKind Double = new("double", integral: false, floating: true);

    private InlineKind(string name, bool integral, bool floating)
    {
        Name = name;
        IsIntegral = integral;
        IsFloating = floating;
    }

    public string Name { get; }

    public bool IsIntegral { get; }

    public bool IsFloating { get; }

    public object Box(long bits)
    {
        if (ReferenceEquals(this, Int64))
        {
            return bits;
        }

        if (ReferenceEquals(this, Int32))
        {
            return (int)bits;
        }

        if (ReferenceEquals(this, Double))
        {
            return BitConverter.Int64BitsToDouble(bits);
        }

        if (ReferenceEquals(this, Boolean))
        {
            return bits != 0;
        }

        if (ReferenceEquals(this, Single))
        {
            return (float)BitConverter.Int64BitsToDouble(bits);
        }

        if (ReferenceEquals(this, Int16))
        {
            return (short)bits;
        }

        return ReferenceEquals(this, Byte) ? (byte)bits : (char)bits;
    }
}
