namespace Squall.Runtime.Windowing;

/// <summary>Checks every windowed bolt of a topology against the submitted configuration, so a bad window is refused at submit.</summary>
internal static class WindowedTopologyValidator
{
    public static void Validate(Config conf, StormTopology topology)
    {
        var problems = new List<string>();
        foreach (var component in topology.Components)
        {
            if (component.IsSpout || !WindowSpecReader.HasWindow(component.Configuration))
            {
                continue;
            }

            try
            {
                var merged = conf.With(component.Configuration);
                var spec = WindowSpecReader.Read(component.Id, merged, hasExtractor: false);
                WindowSpecReader.CheckTimeout(component.Id, spec, merged);
            }
            catch (InvalidTopologyException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidTopologyException(problems);
        }
    }
}
