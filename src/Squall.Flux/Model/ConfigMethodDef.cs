using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Model;

/// <summary>A method called after construction and properties (builders, <c>withX(...)</c> style).</summary>
internal sealed record ConfigMethodDef(string Name, IReadOnlyList<YamlNode> Args, SourceMark Mark);
