using System.Text;

namespace Squall.Flux.Loading;

/// <summary>
/// Replaces <c>${name}</c> placeholders in a YAML file's text before it is parsed, as Flux does, so a value
/// may appear anywhere (a host, a parallelism, part of a string). <c>${ENV-NAME}</c> is the environment
/// variable NAME (Flux's syntax); <c>${name}</c> is the property from the properties file, or else the
/// environment variable of that name. An undefined name is an error at its line, never left in place
/// silently. Substitution works line by line and never adds a line break, so YAML marks stay true.
/// </summary>
internal static class Substitution
{
    private const string EnvPrefix = "ENV-";

    public static string Apply(string text, string file, IReadOnlyDictionary<string, string> properties, Func<string, string?> environment)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var lineNumber = 1;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var line = end < 0 ? text[position..] : text[position..(end + 1)];
            output.Append(ReplaceLine(line, file, lineNumber, properties, environment));
            position = end < 0 ? text.Length : end + 1;
            lineNumber++;
        }

        return output.ToString();
    }

    private static string ReplaceLine(string line, string file, int lineNumber, IReadOnlyDictionary<string, string> properties, Func<string, string?> environment)
    {
        var start = line.IndexOf("${", StringComparison.Ordinal);
        if (start < 0 || IsComment(line, start))
        {
            return line;
        }

        var output = new StringBuilder(line.Length);
        var position = 0;
        while (start >= 0 && !IsComment(line, start))
        {
            var close = line.IndexOf('}', start + 2);
            var mark = new SourceMark(file, lineNumber, start + 1);
            if (close < 0)
            {
                throw new FluxException(mark, "'${' has no closing '}'.");
            }

            var name = line[(start + 2)..close].Trim();
            output.Append(line, position, start - position).Append(Resolve(name, mark, properties, environment));
            position = close + 1;
            start = line.IndexOf("${", position, StringComparison.Ordinal);
        }

        return output.Append(line, position, line.Length - position).ToString();
    }

    private static string Resolve(string name, SourceMark mark, IReadOnlyDictionary<string, string> properties, Func<string, string?> environment)
    {
        if (name.Length == 0)
        {
            throw new FluxException(mark, "'${}' names nothing.");
        }

        if (name.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            var variable = name[EnvPrefix.Length..];
            return environment(variable) ?? throw new FluxException(mark, $"${{{name}}}: the environment variable '{variable}' is not set.");
        }

        if (properties.TryGetValue(name, out var value))
        {
            return value;
        }

        return environment(name) ?? throw new FluxException(mark,
            $"${{{name}}} is neither a property{(properties.Count == 0 ? " (no properties file was given: --filter FILE)" : string.Empty)} nor an environment variable.");
    }

    // A '#' preceded by whitespace (or at the line's start) starts a YAML comment; placeholders after it are text.
    private static bool IsComment(string line, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return true;
            }
        }

        return false;
    }
}
