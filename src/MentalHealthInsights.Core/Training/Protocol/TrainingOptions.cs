using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Calibration;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// Options of the training protocol (docs/training.md). Defaults are those of issue 3; every
/// value is recorded in the report. <see cref="Validate"/> runs at the start of
/// <see cref="TrainingProtocol.Run"/>.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The largest accepted <see cref="SearchBudget"/>.</summary>
    public const int MaxSearchBudget = 1000;

    /// <summary>
    /// The largest accepted <see cref="BootstrapResamples"/>: 100,000, a hundred times the
    /// default; the intervals' Monte Carlo error is already negligible there, and each
    /// resample's metrics are kept in memory (two billion ran out of memory).
    /// </summary>
    public const int MaxBootstrapResamples = 100_000;

    /// <summary>Seed of every random choice (split, folds, search, fits, bootstrap, permutations). Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Share of each class held out as the test part, in (0, 1). Default 0.2.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Cross-validation folds on the training part, at least 2. Default 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Configurations tried per model, at least 1 (the trainer may offer fewer). Default 20.</summary>
    public int SearchBudget { get; init; } = 20;

    /// <summary>
    /// How the search spends its fits: <see cref="SearchStrategy.Halving"/> (default; successive
    /// halving over folds, 40 fits instead of 100 for 20 configurations and 5 folds) or
    /// <see cref="SearchStrategy.Full"/> (every configuration on every fold).
    /// </summary>
    public SearchStrategy SearchStrategy { get; init; } = SearchStrategy.Halving;

    /// <summary>
    /// Model fits of the search run at the same time (over configuration × fold pairs). Default:
    /// the machine's processor count. Results do not depend on it (every fit is seeded and
    /// independent); 1 runs the fits one by one.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The MetricNames key whose mean over the folds selects each model's configuration and the
    /// best model (direction from MetricNames.HigherIsBetter). Default "roc_auc".
    /// </summary>
    public string PrimaryMetric { get; init; } = MetricNames.RocAuc;

    /// <summary>How the decision threshold is chosen on out-of-fold predictions. Default max F1.</summary>
    public ThresholdStrategy Threshold { get; init; } = ThresholdStrategy.MaxF1;

    /// <summary>Calibration for trainers whose scores are not probabilities. Default Platt.</summary>
    public CalibrationMethod Calibration { get; init; } = CalibrationMethod.Platt;

    /// <summary>Significance level of the tests against the baseline, in (0, 1). Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Bootstrap resamples for test-set intervals and the paired bootstrap test, 1 to <see cref="MaxBootstrapResamples"/>. Default 1,000.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Permutations per column for permutation importance, at least 1. Default 5.</summary>
    public int PermutationRepeats { get; init; } = 5;

    /// <summary>A single feature whose cross-validated ROC AUC reaches this is suspected leakage, in (0.5, 1]. Default 0.95.</summary>
    public double LeakageAucThreshold { get; init; } = 0.95;

    /// <summary>When true a suspected leakage is recorded as a warning and training continues. Default false.</summary>
    public bool AllowSuspectedLeakage { get; init; }

    /// <summary>The feature columns and the target. Default <see cref="FeatureSpec.Default"/>.</summary>
    public FeatureSpec Features { get; init; } = FeatureSpec.Default;

    /// <summary>SHA-256 of the input, given by the caller and copied into the report. Default null.</summary>
    public string? DataHash { get; init; }

    /// <summary>Every problem with these options, as sentences naming the option; empty when valid.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (!(TestFraction > 0 && TestFraction < 1))
        {
            problems.Add("TestFraction must be within (0, 1).");
        }

        if (Folds < 2)
        {
            problems.Add("Folds must be at least 2.");
        }

        if (Parallelism is < 1 or > 256)
        {
            problems.Add("Parallelism must be within 1–256.");
        }

        if (SearchBudget is < 1 or > MaxSearchBudget)
        {
            problems.Add($"SearchBudget must be within 1–{MaxSearchBudget}.");
        }

        if (!Enum.IsDefined(SearchStrategy))
        {
            problems.Add("SearchStrategy must be Halving or Full.");
        }

        if (
            PrimaryMetric is null
            || !MetricNames.All.Contains(PrimaryMetric, StringComparer.Ordinal)
        )
        {
            problems.Add($"PrimaryMetric must be one of: {string.Join(", ", MetricNames.All)}.");
        }

        if (Threshold is null)
        {
            problems.Add("Threshold must be set.");
        }

        if (!Enum.IsDefined(Calibration))
        {
            problems.Add("Calibration must be Platt or Isotonic.");
        }

        if (!(Alpha > 0 && Alpha < 1))
        {
            problems.Add("Alpha must be within (0, 1).");
        }

        if (BootstrapResamples is < 1 or > MaxBootstrapResamples)
        {
            problems.Add($"BootstrapResamples must be within 1–{MaxBootstrapResamples}.");
        }

        if (PermutationRepeats < 1)
        {
            problems.Add("PermutationRepeats must be at least 1.");
        }

        if (!(LeakageAucThreshold > 0.5 && LeakageAucThreshold <= 1))
        {
            problems.Add("LeakageAucThreshold must be within (0.5, 1].");
        }

        if (Features is null)
        {
            problems.Add("Features must be set.");
        }
        else
        {
            problems.AddRange(Features.FindProblems());
        }

        return problems;
    }

    /// <summary>Throws when <see cref="FindProblems"/> reports anything.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = FindProblems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid training options: " + string.Join(" ", problems));
        }
    }
}
