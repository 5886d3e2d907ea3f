namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>The two documented drift profiles (docs/monitoring.md).</summary>
public enum DriftProfile
{
    /// <summary>
    /// Evidently's defaults (spec §1.3–§1.7): test chosen per column, each test's own threshold
    /// and comparison, Sturges bins on reference+current, dataset drift when share ≥ 0.5.
    /// </summary>
    Evidently,

    /// <summary>
    /// Fixed reference bins (PSI comparable across windows), one comparison rule, and
    /// Benjamini–Hochberg control of the false discovery rate across features: a column drifts
    /// when its BH-adjusted p-value &lt; <see cref="DriftOptions.FalseDiscoveryRate"/> and its PSI on
    /// the reference bins ≥ <see cref="DriftOptions.StrictPsiThreshold"/>.
    /// </summary>
    Strict,
}
