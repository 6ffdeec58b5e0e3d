namespace Squall.Testing;

/// <summary>
/// Tuples made by hand, so a bolt's <c>Execute</c> can be unit-tested without a cluster (Storm's
/// <c>Testing.testTuple</c> and a tick tuple factory); pair them with <see cref="RecordingOutputCollector"/>.
/// </summary>
public static class TestTuples
{
    /// <summary>
    /// A tuple of <paramref name="values"/> as if <paramref name="component"/> (task <paramref name="sourceTask"/>) had
    /// emitted it on <paramref name="stream"/>; <paramref name="fields"/> default to field1, field2, ...
    /// </summary>
    public static Tuple Make(Values values, string component = "component", string stream = Constants.DefaultStreamId, Fields? fields = null, int sourceTask = 1)
    {
        fields ??= new Fields(Enumerable.Range(1, values.Count).Select(i => $"field{i}"));
        if (fields.Count != values.Count)
        {
            throw new ArgumentException($"{values.Count} values for {fields.Count} fields ({fields}).", nameof(fields));
        }

        return new Tuple([.. values], new StreamDescriptor(component, stream, fields, isDirect: false), sourceTask);
    }

    /// <summary>A tick tuple, as the system sends every <paramref name="freqSecs"/> seconds (<c>tuple.IsTick</c> is true).</summary>
    public static Tuple Tick(int freqSecs = 1) => new([freqSecs], StreamDescriptor.Tick, -1);
}
