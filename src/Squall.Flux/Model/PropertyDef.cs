using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Model;

/// <summary>A property (or public field) to set after construction: a literal <c>value</c> or a <c>ref</c> to a component.</summary>
internal sealed record PropertyDef(string Name, YamlNode Value, SourceMark Mark);
