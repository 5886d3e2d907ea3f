using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>A paired DeLong comparison of two non-baseline models' ROC AUCs on the test part.</summary>
/// <param name="ModelA">Name of model A.</param>
/// <param name="ModelB">Name of model B.</param>
/// <param name="RocAuc">AUC_A − AUC_B with its interval and two-sided p-value.</param>
public sealed record PairwiseComparison(string ModelA, string ModelB, DeLongResult RocAuc);
