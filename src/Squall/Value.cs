using System.Diagnostics;
using System.Globalization;

namespace Squall;

/// <summary>
/// One value of a tuple. Primitives are stored inline (no boxing); strings, byte arrays and user objects are
/// stored by reference.
/// </summary>
/// <remarks>
/// Layout: 16 bytes. <c>_obj</c> is either the referenced value itself (string, byte[], any user object), or
/// one of the <see cref="InlineKind"/> sentinels meaning "the value is a primitive held in <c>_bits</c>", or
/// null for the null value. This keeps a tuple of primitives free of per-value allocations, in the spirit of
/// StackExchange.Redis's <c>RedisValue</c>.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct Value : IEquatable<Value>
{
    private readonly object? _obj;
    private readonly long _bits;

    private Value(object? obj, long bits)
    {
        _obj = obj;
        _bits = bits;
    }

    /// <summary>Which primitive is held inline, or null for a reference (string, byte[], object) or the null value.</summary>
    internal InlineKind? Inline => _obj as InlineKind;

    /// <summary>The inline primitive's bits (see <see cref="Inline"/>).</summary>
    internal long Bits => _bits;

    /// <summary>The null value.</summary>
    public static Value Null => default;

    /// <summary>True when this is the null value.</summary>
    public bool IsNull => _obj is null;

    /// <summary>Wraps any object; boxed primitives are unwrapped into inline storage.</summary>
    public static Value FromObject(object? value) => value switch
    {
        null => default,
        Value v => v,
        string s => new Value(s, 0),
        int i => i,
        long l => l,
        double d => d,
        bool b => b,
        float f => f,
        short s => s,
        byte b => b,
        char c => c,
        _ => new Value(value, 0),
    };

    /// <summary>Converts a string.</summary>
    public static implicit operator Value(string? value) => new(value, 0);

    /// <summary>Converts a byte array.</summary>
    public static implicit operator Value(byte[]? value) => new(value, 0);

    /// <summary>Converts an int.</summary>
    public static implicit operator Value(int value) => new(InlineKind.Int32, value);

    /// <summary>Converts a long.</summary>
    public static implicit operator Value(long value) => new(InlineKind.Int64, value);

    /// <summary>Converts a short.</summary>
    public static implicit operator Value(short value) => new(InlineKind.Int16, value);

    /// <summary>Converts a byte.</summary>
    public static implicit operator Value(byte value) => new(InlineKind.Byte, value);

    /// <summary>Converts a char.</summary>
    public static implicit operator Value(char value) => new(InlineKind.Char, value);

    /// <summary>Converts a bool.</summary>
    public static implicit operator Value(bool value) => new(InlineKind.Boolean, value ? 1 : 0);

    /// <summary>Converts a double.</summary>
    public static implicit operator Value(double value) => new(InlineKind.Double, BitConverter.DoubleToInt64Bits(value));

    /// <summary>Converts a float.</summary>
    public static implicit operator Value(float value) => new(InlineKind.Single, BitConverter.DoubleToInt64Bits(value));

    /// <summary>
    /// What the value holds by reference: the string, byte array or user object itself, an <see cref="InlineKind"/>
    /// sentinel for a primitive, or null. Tests against sealed types here cost a compare, where
    /// <see cref="AsObject"/> would box a primitive.
    /// </summary>
    internal object? Reference => _obj;

    /// <summary>The value as an object (primitives are boxed); what Storm's <c>getValue</c> returns.</summary>
    public object? AsObject() => _obj switch
    {
        InlineKind k => k.Box(_bits),
        var o => o,
    };

    /// <summary>The value as a string; throws <see cref="InvalidCastException"/> if it is not one.</summary>
    public string? AsString() => _obj is null ? null : _obj as string ?? throw Mismatch("string");

    /// <summary>The value as a byte array.</summary>
    public byte[]? AsBinary() => _obj is null ? null : _obj as byte[] ?? throw Mismatch("byte[]");

    /// <summary>The value as a long (any integral primitive widens).</summary>
    public long AsInt64() => _obj is InlineKind { IsIntegral: true } ? _bits : throw Mismatch("long");

    /// <summary>The value as an int.</summary>
    public int AsInt32() => _obj is InlineKind { IsIntegral: true } ? checked((int)_bits) : throw Mismatch("int");

    /// <summary>The value as a short.</summary>
    public short AsInt16() => _obj is InlineKind { IsIntegral: true } ? checked((short)_bits) : throw Mismatch("short");

    /// <summary>The value as a byte.</summary>
    public byte AsByte() => _obj is InlineKind { IsIntegral: true } ? checked((byte)_bits) : throw Mismatch("byte");

    /// <summary>The value as a char.</summary>
    public char AsChar() => _obj is InlineKind { IsIntegral: true } ? checked((char)_bits) : throw Mismatch("char");

    /// <summary>The value as a float (floating and integral primitives convert).</summary>
    public float AsSingle() => (float)AsDouble();

    /// <summary>The value as a double (floating and integral primitives convert).</summary>
    public double AsDouble() => _obj switch
    {
        InlineKind { IsFloating: true } => BitConverter.Int64BitsToDouble(_bits),
        InlineKind { IsIntegral: true } => _bits,
        _ => throw Mismatch("double"),
    };

    /// <summary>The value as a bool.</summary>
    public bool AsBoolean() => ReferenceEquals(_obj, InlineKind.Boolean) ? _bits != 0 : throw Mismatch("bool");

    /// <summary>The value as a <typeparamref name="T"/>, unboxing or casting as needed.</summary>
    public T As<T>() => AsObject() is T t ? t : throw Mismatch(typeof(T).Name);

    /// <inheritdoc/>
    public bool Equals(Value other) => _bits == other._bits && (ReferenceEquals(_obj, other._obj) || Equals(_obj, other._obj));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_obj, _bits);

    /// <summary>Equality.</summary>
    public static bool operator ==(Value left, Value right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => AsObject() switch
    {
        null => "null",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString() ?? string.Empty,
    };

    private InvalidCastException Mismatch(string wanted) =>
        new($"The value is {(_obj is InlineKind k ? k.Name : _obj?.GetType().Name ?? "null")}, not {wanted}.");
}
