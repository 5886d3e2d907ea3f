namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>One original column's part in one prediction.</summary>
/// <param name="Column">The original feature column.</param>
/// <param name="Value">The record's value as text ("High", "5.5", "missing (imputed with 7)").</param>
/// <param name="Direction">Up (raises the risk) or down.</param>
/// <param name="LogOdds">The column's summed slot contributions, in log-odds of the raw model.</param>
/// <param name="Sentence">A plain sentence, e.g. "Stress_Level = High raises the predicted risk (+1.02 log-odds)."</param>
public sealed record ExplanationFactor(
    string Column,
    string Value,
    FactorDirection Direction,
    double LogOdds,
    string Sentence
);
