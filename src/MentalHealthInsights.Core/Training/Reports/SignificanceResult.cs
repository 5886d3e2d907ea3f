using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Core.Training.Reports;

/// <summary>One model against the majority baseline on the test part.</summary>
public sealed record SignificanceResult
{
    /// <summary>
    /// DeLong test of H0: ROC AUC = 0.5. The baseline's constant score has AUC exactly 0.5 and no
    /// variance, so this is the paired DeLong test against the baseline.
    /// </summary>
    public required DeLongOneSampleResult RocAucVersusBaseline { get; init; }

    /// <summary>Paired bootstrap test of the log-loss difference (model − baseline; negative is better).</summary>
    public required PairedBootstrapResult LogLossVersusBaseline { get; init; }
}
