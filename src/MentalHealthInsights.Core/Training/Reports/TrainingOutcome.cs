namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>How a training run ended. Bad data is a result, not an exception.</summary>
public enum TrainingOutcome
{
    /// <summary>Every model was trained, evaluated on the test part and compared.</summary>
    Completed,

    /// <summary>
    /// A single feature alone reached the leakage AUC threshold in cross-validation and
    /// suspected leakage was not allowed: nothing was trained (see <see cref="TrainingReport.Leakage"/>).
    /// </summary>
    StoppedForSuspectedLeakage,
}
