namespace PortedStorm;

/// <summary>A plain record: it crosses workers with no serializer registered (the MessagePack fallback).</summary>
public sealed record Word(string Text, int Exclamations);
