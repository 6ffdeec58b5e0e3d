using Squall.Stateful;

namespace Squall.Runtime.State;

/// <summary>Creates the state object a stateful component asks for (its <c>T</c>) over a store from the configured provider.</summary>
internal static class StateFactory
{
    /// <summary>The namespace of a task's state, as Storm names it.</summary>
    public static string Namespace(TopologyContext context) => $"{context.ThisComponentId}-{context.ThisTaskId}";

    /// <summary>The <typeparamref name="TState"/>-shaped state over <paramref name="store"/>.</summary>
    public static Stateful.State Create(Type stateType, KeyValueStore store, Config conf)
    {
        var serializer = new StateSerializer(conf);
        var kv = FindKeyValueState(stateType)
            ?? throw new InvalidTopologyException($"State type {stateType.Name} is not supported: use KeyValueState<TKey, TValue>.");
        var type = typeof(CodecKeyValueState<,>).MakeGenericType(kv.GetGenericArguments());
        return (Stateful.State)Activator.CreateInstance(type, store, serializer)!;
    }

    /// <summary>The T of the <see cref="IStatefulComponent{T}"/> that <paramref name="component"/> implements.</summary>
    public static Type StateTypeOf(object component) =>
        component.GetType().GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStatefulComponent<>))?.GetGenericArguments()[0]
        ?? throw new InvalidTopologyException($"{component.GetType().Name} implements no IStatefulComponent<T>.");

    /// <summary>Calls <c>InitState(state)</c> on <paramref name="component"/>'s <see cref="IStatefulComponent{T}"/>.</summary>
    public static void InitState(object component, Stateful.State state)
    {
        var stateType = StateTypeOf(component);
        typeof(IStatefulComponent<>).MakeGenericType(stateType).GetMethod(nameof(IStatefulComponent<Stateful.State>.InitState))!
            .Invoke(component, [state]);
    }

    private static Type? FindKeyValueState(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(KeyValueState<,>))
            {
                return t;
            }
        }

        return null;
    }
}
