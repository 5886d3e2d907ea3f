namespace MentalHealthInsights.Core.Eda;

/// <summary>
/// A mixed association matrix over the features and the target. Each cell uses the measure
/// that fits the pair of kinds (<see cref="MeasureFor"/>): Pearson's r for numeric–numeric
/// (in [−1, 1], pairwise complete), bias-uncorrected Cramér's V for categorical–categorical
/// (in [0, 1], "(missing)" as a level) and the correlation ratio η for categorical–numeric
/// (in [0, 1], missing numeric values skipped). The diagonal is 1; a cell that cannot be
/// computed (a constant column) is NaN. The matrix is symmetric.
/// </summary>
public sealed record CorrelationMatrix
{
    /// <summary>Variable names, features first and the target last.</summary>
    public required IReadOnlyList<string> Variables { get; init; }

    /// <summary>Kind of each variable, aligned with <see cref="Variables"/>.</summary>
    public required IReadOnlyList<VariableKind> Kinds { get; init; }

    /// <summary>Row-major values: Values[i][j] relates Variables[i] and Variables[j].</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Values { get; init; }

    /// <summary>Name of the measure used between variables of kinds <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static string MeasureFor(VariableKind a, VariableKind b) =>
        (a, b) switch
        {
            (VariableKind.Numeric, VariableKind.Numeric) => "Pearson r",
            (VariableKind.Categorical, VariableKind.Categorical) => "Cramér's V",
            _ => "correlation ratio η",
        };
}
