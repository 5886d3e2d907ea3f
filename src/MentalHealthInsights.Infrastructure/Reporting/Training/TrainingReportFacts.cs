using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

/// <summary>Readings of a <see cref="TrainingReport"/> shared by the HTML, the plots and training.json.</summary>
internal static class TrainingReportFacts
{
    /// <summary>
    /// True when the report must open with <see cref="TrainingReport.NoSignalHeadline"/>: the run
    /// completed and no model is promotable (by contract the same as the headline being that
    /// sentence; either one is enough, so an inconsistent record errs on the side of caution).
    /// </summary>
    public static bool NoModelBeatsChance(TrainingReport report) =>
        report.Outcome == TrainingOutcome.Completed
        && (
            !report.AnyPromotable
            || string.Equals(
                report.Headline,
                TrainingReport.NoSignalHeadline,
                StringComparison.Ordinal
            )
        );

    /// <summary>True when training stopped because a column was suspected of leaking the target.</summary>
    public static bool StoppedForLeakage(TrainingReport report) =>
        report.Outcome == TrainingOutcome.StoppedForSuspectedLeakage;

    /// <summary>
    /// Why training stopped, naming every suspected column: the headline when it names them all,
    /// else the guard's message (else the headline) with the columns it does not name appended.
    /// </summary>
    public static string LeakageStopMessage(TrainingReport report)
    {
        var suspected = report.Leakage.SuspectedColumns;
        if (
            !string.IsNullOrWhiteSpace(report.Headline)
            && suspected.All(c => report.Headline.Contains(c, StringComparison.Ordinal))
        )
        {
            return report.Headline;
        }

        string message =
            !string.IsNullOrWhiteSpace(report.Leakage.Message) ? report.Leakage.Message
            : !string.IsNullOrWhiteSpace(report.Headline) ? report.Headline
            : "Training stopped: a single feature almost determines the target (suspected leakage).";
        var unnamed = suspected.Where(c => !message.Contains(c, StringComparison.Ordinal)).ToList();
        return unnamed.Count == 0
            ? message
            : $"{message} Suspected column(s): {string.Join(", ", unnamed)}.";
    }

    /// <summary>The 95% test interval of a metric; the point estimate with undefined bounds when the record has none.</summary>
    public static Interval TestInterval(ModelEvaluation model, string metric) =>
        model.Test.Intervals.TryGetValue(metric, out var interval)
            ? interval
            : new Interval(model.Test.Metrics.Get(metric), double.NaN, double.NaN);

    /// <summary>True when the model's contributions are TreeSHAP values (XGBoost).</summary>
    public static bool HasShap(ModelEvaluation model) =>
        !model.IsBaseline
        && model.Contributions.Count > 0
        && (
            model.ContributionMethod.Contains("SHAP", StringComparison.OrdinalIgnoreCase)
            || string.Equals(model.Name, "xgb", StringComparison.Ordinal)
        );

    /// <summary>
    /// The git commit, which callers record among <see cref="TrainingReport.LibraryVersions"/> under
    /// a key containing "commit" (e.g. "git_commit"); null when absent.
    /// </summary>
    public static string? GitCommit(TrainingReport report) =>
        report.LibraryVersions.FirstOrDefault(kv => IsCommitKey(kv.Key)).Value;

    /// <summary>True for the <see cref="TrainingReport.LibraryVersions"/> key that holds the git commit.</summary>
    public static bool IsCommitKey(string key) =>
        key.Contains("commit", StringComparison.OrdinalIgnoreCase);

    /// <summary>The chosen search trial: <see cref="ModelEvaluation.ChosenTrialIndex"/>, else the one marked chosen.</summary>
    public static SearchTrial? ChosenTrial(ModelEvaluation model) =>
        model.ChosenTrialIndex >= 0 && model.ChosenTrialIndex < model.Trials.Count
            ? model.Trials[model.ChosenTrialIndex]
            : model.Trials.FirstOrDefault(t => t.Chosen);

    /// <summary>The test part's prevalence (the precision of chance); NaN without test rows.</summary>
    public static double TestPrevalence(TrainingReport report) =>
        report.Data.TestRows > 0
            ? (double)report.Data.TestPositives / report.Data.TestRows
            : double.NaN;
}
