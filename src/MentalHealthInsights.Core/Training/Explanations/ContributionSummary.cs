using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Explanations;

/// <summary>The outcome of <see cref="ColumnContributions.Summarise"/>.</summary>
/// <param name="Method">The model's explanation method (e.g. "TreeSHAP (XGBoost pred_contribs)").</param>
/// <param name="Rows">Rows explained.</param>
/// <param name="Columns">One entry per original column, highest mean |contribution| first.</param>
public sealed record ContributionSummary(
    string Method,
    int Rows,
    IReadOnlyList<ColumnContribution> Columns
);
