namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// One drift statistic, registered by <see cref="Name"/> in <see cref="DriftTestRegistry"/>
/// (Evidently's stattest names). Implementations are stateless and thread-safe; both samples
/// are non-empty (the analyzer reports empty columns instead of calling the test).
/// </summary>
public interface IDriftTest
{
    /// <summary>The registered name (e.g. "ks", "psi").</summary>
    string Name { get; }

    /// <summary>Evidently's default threshold for this test.</summary>
    double DefaultThreshold { get; }

    /// <summary>Evidently's comparison rule for this test.</summary>
    DriftComparison Comparison { get; }

    /// <summary>
    /// Computes the score of <paramref name="current"/> against <paramref name="reference"/>;
    /// <paramref name="kind"/> selects the binning (spec §1.5) for the tests that bin.
    /// </summary>
    DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind);
}
