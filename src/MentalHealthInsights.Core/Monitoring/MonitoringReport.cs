using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Monitoring.Fairness;
using MentalHealthInsights.Core.Monitoring.Performance;
using MentalHealthInsights.Core.Monitoring.Quality;

namespace MentalHealthInsights.Core.Monitoring;

/// <summary>
/// The result of one monitoring analysis, read by the HTML report, monitoring.json, the alert
/// policy and the web dashboard. It holds summaries (shares per bin, metrics, counts), never rows,
/// so its size does not grow with the data.
/// </summary>
public sealed record MonitoringReport
{
    /// <summary>The framing every rendering carries.</summary>
    public const string DisclaimerText =
        "This is a screening aid, not a diagnosis. Monitoring describes the model's inputs and outputs, not people.";

    /// <summary><see cref="DisclaimerText"/>, so monitoring.json carries it as the HTML report does.</summary>
    public string Disclaimer { get; init; } = DisclaimerText;

    /// <summary>When the analysis ran (from the host's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Where the reference came from (file name or model run).</summary>
    public required string ReferenceSource { get; init; }

    /// <summary>Where the current data came from (file name or prediction-log window).</summary>
    public required string CurrentSource { get; init; }

    /// <summary>Start of the current period (inclusive), when known.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End of the current period (exclusive), when known.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Reference rows.</summary>
    public required int ReferenceRows { get; init; }

    /// <summary>Current rows.</summary>
    public required int CurrentRows { get; init; }

    /// <summary>Current rows with an outcome.</summary>
    public required int LabelledRows { get; init; }

    /// <summary>Data, prediction and target drift.</summary>
    public required DataDriftResult Drift { get; init; }

    /// <summary>
    /// Data and prediction drift per window (the <see cref="MonitoringOptions.Window"/> windows,
    /// merged when there are more than <see cref="MonitoringOptions.MaxDriftWindows"/>); empty with
    /// a single window, where <see cref="Drift"/> is that window.
    /// </summary>
    public IReadOnlyList<DriftWindowResult> DriftWindows { get; init; } = [];

    /// <summary>
    /// Quality over time, on the same (bounded, merged) windows as <see cref="DriftWindows"/>
    /// (null without probabilities or reference outcomes).
    /// </summary>
    public PerformanceResult? Performance { get; init; }

    /// <summary>Fairness over the whole current period (null without model labels).</summary>
    public FairnessResult? Fairness { get; init; }

    /// <summary>Fairness per window, on the same (bounded, merged) windows as <see cref="DriftWindows"/>.</summary>
    public IReadOnlyList<FairnessResult> FairnessWindows { get; init; } = [];

    /// <summary>Data quality of the current data.</summary>
    public required DataQualityResult Quality { get; init; }

    /// <summary>The documented key metrics (<see cref="MonitoringKeyMetrics"/>).</summary>
    public required IReadOnlyDictionary<string, double> KeyMetrics { get; init; }

    /// <summary>Observations worth reading first, plain sentences without record values.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];
}
