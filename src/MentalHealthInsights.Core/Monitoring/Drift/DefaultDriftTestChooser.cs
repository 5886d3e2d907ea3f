namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// Evidently's default choice of test (<c>registry._get_default_stattest</c>, spec §1.3), written
/// once: only the cleaned reference size and the distinct values of reference ∪ current matter.
/// </summary>
public static class DefaultDriftTestChooser
{
    /// <summary>Reference sizes up to this use p-value tests; larger ones use distances.</summary>
    public const int SmallReferenceLimit = 1000;

    /// <summary>
    /// The test name for a column: n_ref ≤ 1000 → ks (num, u &gt; 5), chisquare (num 3 ≤ u ≤ 5,
    /// cat u &gt; 2) or z (u ≤ 2); n_ref &gt; 1000 → wasserstein (num, u &gt; 5) else jensenshannon.
    /// </summary>
    public static string Choose(DriftColumnKind kind, int referenceCount, int distinctValues)
    {
        if (referenceCount <= SmallReferenceLimit)
        {
            if (kind == DriftColumnKind.Numerical)
            {
                return distinctValues > 5 ? "ks"
                    : distinctValues > 2 ? "chisquare"
                    : "z";
            }
            return distinctValues > 2 ? "chisquare" : "z";
        }
        return kind == DriftColumnKind.Numerical && distinctValues > 5
            ? "wasserstein"
            : "jensenshannon";
    }
}
