namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>The drift verdict of one column.</summary>
public sealed record ColumnDriftResult
{
    /// <summary>Column name.</summary>
    public required string Column { get; init; }

    /// <summary>Numerical or categorical.</summary>
    public required DriftColumnKind Kind { get; init; }

    /// <summary>The registered test name used ("ks", …; "ks+psi" style names in the strict profile).</summary>
    public required string Test { get; init; }

    /// <summary>The threshold applied.</summary>
    public required double Threshold { get; init; }

    /// <summary>The comparison rule applied.</summary>
    public required DriftComparison Comparison { get; init; }

    /// <summary>The drift score (p-value or distance); NaN when not computable (see <see cref="Note"/>).</summary>
    public required double Score { get; init; }

    /// <summary>The test statistic.</summary>
    public required double Statistic { get; init; }

    /// <summary>Whether the column drifted.</summary>
    public required bool Drifted { get; init; }

    /// <summary>Cleaned reference values.</summary>
    public required int ReferenceCount { get; init; }

    /// <summary>Cleaned current values.</summary>
    public required int CurrentCount { get; init; }

    /// <summary>Reference values dropped as missing.</summary>
    public int ReferenceMissing { get; init; }

    /// <summary>Current values dropped as missing.</summary>
    public int CurrentMissing { get; init; }

    /// <summary>Distinct values of reference ∪ current (u of the chooser).</summary>
    public int DistinctValues { get; init; }

    /// <summary>Categories present in current but not in reference (names, not rows).</summary>
    public IReadOnlyList<string> NewCategories { get; init; } = [];

    /// <summary>Strict profile: PSI on the fixed reference bins; NaN otherwise.</summary>
    public double ReferenceBinPsi { get; init; } = double.NaN;

    /// <summary>Strict profile: the Benjamini–Hochberg adjusted p-value; NaN otherwise.</summary>
    public double AdjustedPValue { get; init; } = double.NaN;

    /// <summary>Why no score was computed (e.g. "empty after cleaning"); null when it was.</summary>
    public string? Note { get; init; }

    /// <summary>Bounded reference/current distribution for plots.</summary>
    public ColumnDistribution? Distribution { get; init; }
}
