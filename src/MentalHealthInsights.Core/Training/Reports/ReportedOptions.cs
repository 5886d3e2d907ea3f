namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>
/// The options of the run as plain values (for the report, training.json and tracking params);
/// see <see cref="Protocol.TrainingOptions"/> for meanings and defaults.
/// </summary>
public sealed record ReportedOptions
{
    /// <summary>Seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Share of each class held out for the test part.</summary>
    public required double TestFraction { get; init; }

    /// <summary>Cross-validation folds on the training part.</summary>
    public required int Folds { get; init; }

    /// <summary>Configurations tried per model (at most).</summary>
    public required int SearchBudget { get; init; }

    /// <summary>
    /// The search strategy, "halving" or "full" (<see cref="Protocol.SearchStrategy"/>). Reports
    /// written before it existed read as "full", which is what they did.
    /// </summary>
    public string SearchStrategy { get; init; } = "full";

    /// <summary>The metric (a MetricNames key) whose mean over folds selects the configuration and the best model.</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>Threshold strategy in its stable text form, e.g. "max_f1".</summary>
    public required string ThresholdStrategy { get; init; }

    /// <summary>Calibration method for models that need it ("Platt" or "Isotonic").</summary>
    public required string CalibrationMethod { get; init; }

    /// <summary>Significance level of the tests against the baseline.</summary>
    public required double Alpha { get; init; }

    /// <summary>Bootstrap resamples for the test-set intervals and the paired bootstrap test.</summary>
    public required int BootstrapResamples { get; init; }

    /// <summary>Repeats of each column's permutation.</summary>
    public required int PermutationRepeats { get; init; }

    /// <summary>A single feature with a cross-validated ROC AUC at or above this is suspected leakage.</summary>
    public required double LeakageAucThreshold { get; init; }

    /// <summary>Whether the run continues when leakage is suspected.</summary>
    public required bool AllowSuspectedLeakage { get; init; }
}
