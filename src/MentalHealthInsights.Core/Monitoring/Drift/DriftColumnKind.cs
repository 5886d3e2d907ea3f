namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>Column type as Evidently's default chooser sees it (spec §1.1).</summary>
public enum DriftColumnKind
{
    /// <summary>Numerical ("num").</summary>
    Numerical,

    /// <summary>Categorical ("cat"); values are category codes.</summary>
    Categorical,
}
