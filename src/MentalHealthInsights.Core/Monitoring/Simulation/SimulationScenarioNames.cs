namespace MentalHealthInsights.Core.Monitoring.Simulation;

/// <summary>The command-line spelling of the scenarios (kebab case).</summary>
public static class SimulationScenarioNames
{
    /// <summary>Every name, in <see cref="SimulationScenario"/> order.</summary>
    public static IReadOnlyList<string> All { get; } =
    ["stable", "sleep-decline", "new-occupation", "label-shift", "stress-spike"];

    /// <summary>The scenario's name, e.g. "sleep-decline".</summary>
    public static string Name(SimulationScenario scenario) => All[(int)scenario];

    /// <summary>Parses a name (case-insensitive); false when unknown.</summary>
    public static bool TryParse(string? name, out SimulationScenario scenario)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                scenario = (SimulationScenario)i;
                return true;
            }
        }
        scenario = SimulationScenario.Stable;
        return false;
    }
}
