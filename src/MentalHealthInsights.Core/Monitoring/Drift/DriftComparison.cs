namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// How a drift score is compared with its threshold. Evidently mixes four rules (spec §1.10): KS
/// decides with p ≤ thr, the other p-value tests with p &lt; thr, most distances with d ≥ thr and
/// energy distance with d &gt; thr. The default profile keeps each test's rule so verdicts match;
/// the strict profile uses only <see cref="PValueBelow"/> and <see cref="DistanceAtLeast"/>.
/// </summary>
public enum DriftComparison
{
    /// <summary>The score is a p-value; drift when p ≤ threshold (Evidently's KS).</summary>
    PValueAtMost,

    /// <summary>The score is a p-value; drift when p &lt; threshold.</summary>
    PValueBelow,

    /// <summary>The score is a distance; drift when d ≥ threshold.</summary>
    DistanceAtLeast,

    /// <summary>The score is a distance; drift when d &gt; threshold (Evidently's energy distance).</summary>
    DistanceAbove,
}
