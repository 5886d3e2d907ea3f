using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

public sealed partial class TrainingProtocol
{
    private TrainingResult StoppedForLeakage(
        DataFacts facts,
        TrainingOptions options,
        LeakageCheck leakage
    ) =>
        Stopped(
            TrainingOutcome.StoppedForSuspectedLeakage,
            $"Training stopped: {leakage.Message} Nothing was trained. Check how the column was recorded, remove it from the features, or allow suspected leakage explicitly.",
            facts,
            options,
            leakage
        );

    private TrainingResult Insufficient(DataFacts facts, TrainingOptions options, string why) =>
        Stopped(
            TrainingOutcome.InsufficientData,
            $"Training stopped: not enough data. {why} Nothing was trained.",
            facts,
            options,
            new LeakageCheck
            {
                AucThreshold = options.LeakageAucThreshold,
                Columns = [],
                SuspectedColumns = [],
                Overridden = options.AllowSuspectedLeakage,
            }
        );

    private TrainingResult Stopped(
        TrainingOutcome outcome,
        string headline,
        DataFacts facts,
        TrainingOptions options,
        LeakageCheck leakage
    ) =>
        new(
            new TrainingReport
            {
                Outcome = outcome,
                Headline = headline,
                CreatedAt = _time.GetUtcNow(),
                Data = facts,
                Options = Reported(options),
                Leakage = leakage,
                Tests = TestsUsed(options),
                Models = [],
                Comparisons = [],
                KeyIndicators = [],
                Warnings = [headline],
            },
            []
        );
}
