namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// A named pipeline: its parameters and ordered steps. The constructor checks the wiring once:
/// unique step names, and every input is a parameter or an output of an earlier step.
/// </summary>
public sealed class PipelineDefinition
{
    /// <summary>Builds and checks a definition; a miswired one throws <see cref="ArgumentException"/>.</summary>
    public PipelineDefinition(
        string name,
        string description,
        IReadOnlyList<PipelineParameter> parameters,
        IReadOnlyList<PipelineStep> steps
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException($"pipeline {name} has no steps.", nameof(steps));
        }
        var available = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (!available.Add(parameter.Name))
            {
                throw new ArgumentException(
                    $"pipeline {name}: parameter {parameter.Name} is declared twice.",
                    nameof(parameters)
                );
            }
        }
        var stepNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (!stepNames.Add(step.Name))
            {
                throw new ArgumentException(
                    $"pipeline {name}: step {step.Name} is declared twice.",
                    nameof(steps)
                );
            }
            var missing = step.Inputs.Where(i => !available.Contains(i)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException(
                    $"pipeline {name}: step {step.Name} reads {string.Join(", ", missing)}, which no parameter or earlier step provides.",
                    nameof(steps)
                );
            }
            foreach (var output in step.Outputs)
            {
                available.Add(output);
            }
        }
        Name = name;
        Description = description;
        Parameters = parameters;
        Steps = steps;
    }

    /// <summary>The name used on the command line and in schedules.</summary>
    public string Name { get; }

    /// <summary>One line for listings.</summary>
    public string Description { get; }

    /// <summary>Accepted parameters with defaults.</summary>
    public IReadOnlyList<PipelineParameter> Parameters { get; }

    /// <summary>The steps, in execution order.</summary>
    public IReadOnlyList<PipelineStep> Steps { get; }

    /// <summary>
    /// The run's parameters: defaults overlaid with <paramref name="given"/>. Unknown names and
    /// missing required values are returned as problems (usage errors), never thrown.
    /// </summary>
    public (
        SortedDictionary<string, string> Values,
        IReadOnlyList<string> Problems
    ) ResolveParameters(IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var problems = new List<string>();
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in Parameters)
        {
            if (given.TryGetValue(parameter.Name, out var value))
            {
                values[parameter.Name] = value;
            }
            else if (parameter.DefaultValue is not null)
            {
                values[parameter.Name] = parameter.DefaultValue;
            }
            else
            {
                problems.Add($"pipeline {Name} needs --param {parameter.Name}=VALUE.");
            }
        }
        foreach (
            var key in given.Keys.Where(k =>
                !values.ContainsKey(k) && !Parameters.Any(p => p.Name == k)
            )
        )
        {
            problems.Add(
                $"pipeline {Name} has no parameter '{key}' (known: {string.Join(", ", Parameters.Select(p => p.Name))})."
            );
        }
        return (values, problems);
    }
}
