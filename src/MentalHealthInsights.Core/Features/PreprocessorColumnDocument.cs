namespace MentalHealthInsights.Core.Features;

/// <summary>
/// The JSON shape of one fitted column: the numeric statistics for a numeric column, the
/// sorted levels for a categorical one (the other group is omitted).
/// </summary>
internal sealed class PreprocessorColumnDocument
{
    public const string NumericKind = "numeric";
    public const string CategoricalKind = "categorical";

    public string? Name { get; init; }

    public string? Kind { get; init; }

    public long? MissingInTraining { get; init; }

    public double? Median { get; init; }

    public double? Mean { get; init; }

    public double? StandardDeviation { get; init; }

    public double? Scale { get; init; }

    public IReadOnlyList<string?>? Levels { get; init; }
}
