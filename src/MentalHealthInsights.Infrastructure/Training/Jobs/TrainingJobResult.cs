using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Reporting.Training;

namespace MentalHealthInsights.Infrastructure.Training.Jobs;

/// <summary>What one training job produced.</summary>
/// <param name="Validation">The input's validation report.</param>
/// <param name="Report">The training report record (every number).</param>
/// <param name="Output">The HTML/JSON/plot files.</param>
/// <param name="Bundles">Model bundle folders by trainer name (empty when training stopped).</param>
/// <param name="RejectsPath">Where rejected input rows were written.</param>
/// <param name="Tracking">What was logged and registered; null when tracking was off.</param>
public sealed record TrainingJobResult(
    ValidationReport Validation,
    TrainingReport Report,
    TrainingReportOutput Output,
    IReadOnlyDictionary<string, string> Bundles,
    string RejectsPath,
    TrackingOutcome? Tracking
)
{
    /// <summary>
    /// reference-profile.json (the strict monitoring profile's bins fixed at training time, from
    /// the training data and the best model); null when training did not complete.
    /// </summary>
    public string? ReferenceProfilePath { get; init; }
}
