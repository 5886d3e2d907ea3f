using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Monitoring.Fairness;

/// <summary>Which groups fairness compares and when a group is too small to read.</summary>
public sealed record FairnessOptions
{
    /// <summary>The name used for the derived age-band attribute.</summary>
    public const string AgeBand = "Age_Band";

    /// <summary>Sensitive attributes (default Gender, Country and the age band).</summary>
    public IReadOnlyList<string> Attributes { get; init; } =
    [DatasetSchema.Gender, DatasetSchema.Country, AgeBand];

    /// <summary>Lower edges of age bands after the first (default 25, 35, 45, 55, 65 → "&lt;25", "25-34", …, "65+").</summary>
    public IReadOnlyList<double> AgeBandEdges { get; init; } = [25, 35, 45, 55, 65];

    /// <summary>Groups with fewer rows are flagged as small and left out of the differences and ratios (default 30).</summary>
    public int MinimumGroupSize { get; init; } = 30;
}
