namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// A named pipeline: its parameters and ordered steps. The constructor checks the wiring once:
/// unique step names, and every input is a parameter or an output of an earlier step.
/// </summary>
public sealed class PipelineDefinition
{
    private readonly Func<IReadOnlyDictionary<string, string>, IEnumerable<string>>? _check;

    /// <summary>Builds and checks a definition; a miswired one throws <see cref="ArgumentException"/>.</summary>
    /// <param name="name">The name used on the command line and in schedules.</param>
    /// <param name="description">One line for listings.</param>
    /// <param name="parameters">Accepted parameters with defaults and checks.</param>
    /// <param name="steps">The steps, in execution order.</param>
    /// <param name="check">
    /// Checks the parameters together (conflicts, limits that span several), given the resolved
    /// values once every parameter passed its own check; returns the problems. Optional.
    /// </param>
    public PipelineDefinition(
        string name,
        string description,
        IReadOnlyList<PipelineParameter> parameters,
        IReadOnlyList<PipelineStep> steps,
        Func<IReadOnlyDictionary<string, string>, IEnumerable<string>>? check = null
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
        _check = check;
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
    /// The run's parameters: defaults overlaid with <paramref name="given"/>. Unknown names,
    /// missing required values, values their parameter's <see cref="PipelineParameter.Check"/>
    /// refuses and conflicts found by the definition's check are returned as problems (usage
    /// errors), never thrown: the caller refuses the run before anything is recorded.
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
        if (problems.Count == 0)
        {
            foreach (var parameter in Parameters)
            {
                if (parameter.Check?.Invoke(values[parameter.Name]) is { } problem)
                {
                    problems.Add(problem);
                }
            }
        }
        if (problems.Count == 0 && _check is not null)
        {
            problems.AddRange(_check(values));
        }
        return (values, problems);
    }
}
