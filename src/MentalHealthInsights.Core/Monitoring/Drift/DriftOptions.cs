namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// Drift configuration. Test and threshold precedence (Evidently's): per column &gt; per kind &gt;
/// all &gt; the default chooser (<see cref="DefaultDriftTestChooser"/>) and the test's default
/// threshold. A user threshold replaces the threshold, never the comparison.
/// </summary>
public sealed record DriftOptions
{
    /// <summary>The profile (default <see cref="DriftProfile.Evidently"/>).</summary>
    public DriftProfile Profile { get; init; } = DriftProfile.Evidently;

    /// <summary>Dataset drift when the share of drifted columns ≥ this (default 0.5).</summary>
    public double DriftShare { get; init; } = 0.5;

    /// <summary>
    /// Count the prediction (probability) and target columns in the dataset share, as Evidently's
    /// legacy preset does when they exist (default true; the strict profile always counts features only).
    /// </summary>
    public bool IncludePredictionAndTargetInShare { get; init; } = true;

    /// <summary>Test name per column (highest precedence).</summary>
    public IReadOnlyDictionary<string, string> PerColumnTest { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Threshold per column (highest precedence).</summary>
    public IReadOnlyDictionary<string, double> PerColumnThreshold { get; init; } =
        new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Test for every numerical column; null = default chooser.</summary>
    public string? NumericalTest { get; init; }

    /// <summary>Test for every categorical column; null = default chooser.</summary>
    public string? CategoricalTest { get; init; }

    /// <summary>Threshold for every numerical column; null = the test's default.</summary>
    public double? NumericalThreshold { get; init; }

    /// <summary>Threshold for every categorical column; null = the test's default.</summary>
    public double? CategoricalThreshold { get; init; }

    /// <summary>Test for every column (lowest explicit precedence); null = default chooser.</summary>
    public string? AllTest { get; init; }

    /// <summary>Threshold for every column (lowest explicit precedence).</summary>
    public double? AllThreshold { get; init; }

    /// <summary>Strict profile: the false discovery rate q of Benjamini–Hochberg (default 0.05).</summary>
    public double FalseDiscoveryRate { get; init; } = 0.05;

    /// <summary>Strict profile: the PSI on reference bins a drifted column must reach (default 0.1).</summary>
    public double StrictPsiThreshold { get; init; } = 0.1;

    /// <summary>Strict profile: number of reference quantile bins for numerical columns (default 10).</summary>
    public int ReferenceBins { get; init; } = 10;

    /// <summary>
    /// Fewest rows (after cleaning) a column needs on each side to be tested (default 30, as
    /// fairness's smallest group). Below it the column gets a note and is left out of the drift
    /// share: a test on a handful of rows decides by chance (one row far in a tail "drifts" under
    /// a KS test), and Evidently, which has no such floor, reports it as drift.
    /// </summary>
    public int MinimumRows { get; init; } = DefaultMinimumRows;

    /// <summary>The default of <see cref="MinimumRows"/>.</summary>
    public const int DefaultMinimumRows = 30;

    /// <summary>Throws <see cref="ArgumentException"/> for an unknown test name or an out-of-range value.</summary>
    public void Validate()
    {
        foreach (
            var name in PerColumnTest
                .Values.Append(NumericalTest)
                .Append(CategoricalTest)
                .Append(AllTest)
        )
        {
            if (name is not null)
            {
                _ = DriftTestRegistry.Get(name);
            }
        }
        // Written as "not in range" so NaN is refused too.
        if (DriftShare is not (> 0 and <= 1))
        {
            throw new ArgumentException("The drift share must be in (0, 1].", nameof(DriftShare));
        }
        if (FalseDiscoveryRate is not (> 0 and < 1))
        {
            throw new ArgumentException(
                "The false discovery rate must be in (0, 1).",
                nameof(FalseDiscoveryRate)
            );
        }
        if (MinimumRows < 1)
        {
            throw new ArgumentException(
                "The minimum rows per drift test must be at least 1.",
                nameof(MinimumRows)
            );
        }
        if (ReferenceBins < 2)
        {
            throw new ArgumentException(
                "At least two reference bins are needed.",
                nameof(ReferenceBins)
            );
        }
    }
}
