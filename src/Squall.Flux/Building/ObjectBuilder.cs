using System.Reflection;
using Squall.Flux.Model;
using YamlDotNet.RepresentationModel;

namespace Squall.Flux.Building;

/// <summary>
/// Creates an object from its recipe: the first public constructor whose parameters all accept the YAML
/// arguments, then each property (a settable property or public field, name matched ignoring case; Storm's
/// <c>setX</c> method also works), then each config method, as Flux does. Every failure names the YAML line
/// and what was available.
/// </summary>
internal static class ObjectBuilder
{
    public static object Create(ObjectDef definition, ObjectScope scope)
    {
        var type = TypeResolver.Find(definition.ClassName)
            ?? throw new FluxException(definition.Mark, $"the type '{definition.ClassName}' was not found. Give its full name (Namespace.Type), or 'Namespace.Type, Assembly' to load an assembly the host has.");
        if (type.IsAbstract || type.IsInterface)
        {
            throw new FluxException(definition.Mark, $"'{type.FullName}' is abstract and cannot be created.");
        }

        var instance = Construct(type, definition, scope);
        foreach (var property in definition.Properties)
        {
            SetProperty(instance, property, scope);
        }

        foreach (var method in definition.ConfigMethods)
        {
            Invoke(instance, method, scope);
        }

        return instance;
    }

    private static object Construct(Type type, ObjectDef definition, ObjectScope scope)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        foreach (var constructor in constructors.Where(c => c.GetParameters().Length == definition.ConstructorArgs.Count))
        {
            if (TryArguments(constructor.GetParameters(), definition.ConstructorArgs, scope, definition.Mark, out var args))
            {
                return Run(() => constructor.Invoke(args), definition.Mark, $"the constructor of '{type.Name}'");
            }
        }

        throw new FluxException(definition.Mark,
            $"no public constructor of '{type.FullName}' accepts {Describe(definition.ConstructorArgs)}; it has: {string.Join("; ", constructors.Select(Signature))}.");
    }

    private static void SetProperty(object instance, PropertyDef property, ObjectScope scope)
    {
        var type = instance.GetType();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        if (type.GetProperty(property.Name, flags) is { CanWrite: true } target)
        {
            var value = Convert(property.Value, target.PropertyType, scope, property.Mark, $"property '{property.Name}'");
            Run(() => target.SetValue(instance, value), property.Mark, $"setting '{property.Name}'");
            return;
        }

        if (type.GetField(property.Name, flags) is { IsInitOnly: false } field)
        {
            field.SetValue(instance, Convert(property.Value, field.FieldType, scope, property.Mark, $"field '{property.Name}'"));
            return;
        }

        var setter = "set" + property.Name;
        if (type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => string.Equals(m.Name, setter, StringComparison.OrdinalIgnoreCase)))
        {
            Invoke(instance, new ConfigMethodDef(setter, [property.Value], property.Mark), scope);
            return;
        }

        throw new FluxException(property.Mark, $"'{type.Name}' has no settable property or public field '{property.Name}'.");
    }

    private static void Invoke(object instance, ConfigMethodDef method, ObjectScope scope)
    {
        var candidates = instance.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => string.Equals(m.Name, method.Name, StringComparison.OrdinalIgnoreCase) && !m.IsGenericMethodDefinition)
            .ToList();
        foreach (var candidate in candidates.Where(m => m.GetParameters().Length == method.Args.Count))
        {
            if (TryArguments(candidate.GetParameters(), method.Args, scope, method.Mark, out var args))
            {
                Run(() => candidate.Invoke(instance, args), method.Mark, $"'{candidate.Name}'");
                return;
            }
        }

        throw new FluxException(method.Mark, candidates.Count == 0
            ? $"'{instance.GetType().Name}' has no public method '{method.Name}'."
            : $"no overload of '{method.Name}' accepts {Describe(method.Args)}; it has: {string.Join("; ", candidates.Select(Signature))}.");
    }

    private static bool TryArguments(ParameterInfo[] parameters, IReadOnlyList<YamlNode> nodes, ObjectScope scope, SourceMark mark, out object?[] args)
    {
        args = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!ValueConverter.TryConvert(nodes[i], parameters[i].ParameterType, scope, mark, out args[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static object? Convert(YamlNode node, Type type, ObjectScope scope, SourceMark mark, string what) =>
        ValueConverter.TryConvert(node, type, scope, mark, out var value)
            ? value
            : throw new FluxException(mark, $"{what} is a {Friendly(type)}, and '{Describe([node])}' cannot be one.");

    private static object Run(Func<object?> call, SourceMark mark, string what)
    {
        try
        {
            return call() ?? new object();
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new FluxException(mark, $"{what} threw {inner.GetType().Name}: {inner.Message}", inner);
        }
    }

    private static void Run(Action call, SourceMark mark, string what) => Run(() =>
    {
        call();
        return null;
    }, mark, what);

    private static string Signature(MethodBase method) =>
        $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => $"{Friendly(p.ParameterType)} {p.Name}"))})";

    private static string Friendly(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Friendly))}>"
        : type.Name;

    private static string Describe(IReadOnlyList<YamlNode> nodes) => nodes.Count switch
    {
        0 => "no arguments",
        1 when nodes[0] is YamlScalarNode scalar => scalar.Value ?? "null",
        _ => $"[{string.Join(", ", nodes.Select(n => n is YamlScalarNode s ? s.Value : n is YamlSequenceNode ? "[...]" : "{...}"))}]",
    };
}
