namespace Squall;

/// <summary>A declared output stream: its fields, and whether it is direct.</summary>
internal sealed record StreamDeclaration(Fields Fields, bool IsDirect);
