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

    /// <summary>
    /// The data cannot support the protocol (too few rows of a class for the folds and the test
    /// part): nothing was trained; the headline gives the counts.
    /// </summary>
    InsufficientData,
}
