namespace MentalHealthInsights.Core.Eda;

/// <summary>
/// The computed exploratory analysis: every number a report shows, and nothing rendered
/// (renderers, pages and JSON all read this record). Holds only aggregates, never an
/// individual record. Severity appears only as an outcome cross-tabulated with the target.
/// </summary>
public sealed record EdaReport
{
    /// <summary>Row counts, rejects, missing values and mapped categories.</summary>
    public required EdaDataQuality DataQuality { get; init; }

    /// <summary>How many records have the condition.</summary>
    public required TargetBalance Target { get; init; }

    /// <summary>Age, Sleep_Hours, Work_Hours, Physical_Activity_Hours, in schema order.</summary>
    public required IReadOnlyList<NumericFeatureProfile> NumericFeatures { get; init; }

    /// <summary>Gender, Occupation, Country, Consultation_History, Stress_Level, in schema order.</summary>
    public required IReadOnlyList<CategoricalFeatureProfile> CategoricalFeatures { get; init; }

    /// <summary>Severity × condition counts. Severity is an outcome, never a feature: it is not tested or ranked.</summary>
    public required IReadOnlyList<CategoryLevel> SeverityByCondition { get; init; }

    /// <summary>The mixed association matrix over features and target.</summary>
    public required CorrelationMatrix Correlations { get; init; }

    /// <summary>Every feature–target test with its adjusted p-value, numeric features first, in schema order.</summary>
    public required IReadOnlyList<FeatureAssociation> Associations { get; init; }

    /// <summary>Plain sentences written from the numbers above (the "what stands out" section).</summary>
    public required IReadOnlyList<string> WhatStandsOut { get; init; }

    /// <summary>The false-discovery rate used.</summary>
    public required double Alpha { get; init; }

    /// <summary>Bins per histogram.</summary>
    public required int HistogramBins { get; init; }
}
