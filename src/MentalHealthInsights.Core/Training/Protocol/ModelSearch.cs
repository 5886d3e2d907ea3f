using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// Cross-validates every configuration of one trainer on the shared folds and picks the best by
/// mean primary metric (ties: lower mean log loss, then the earlier configuration).
/// </summary>
internal static class ModelSearch
{
    public static SearchOutcome Run(
        IBinaryTrainer trainer,
        IReadOnlyList<HyperParameters> configurations,
        CrossValidationFolds folds,
        int trainRows,
        TrainingOptions options,
        ProgressTracker progress,
        CancellationToken cancellationToken
    )
    {
        var higherIsBetter = MetricNames.HigherIsBetter(options.PrimaryMetric);
        var trials = new List<SearchTrial>(configurations.Count);
        var best = -1;
        double[]? bestOutOfFold = null;
        var outOfFold = new double[trainRows];
        var stage = $"search {trainer.Name}";
        for (var t = 0; t < configurations.Count; t++)
        {
            var configuration = configurations[t];
            var foldMetrics = new FoldMetrics[folds.Count];
            // Folds are independent, seeded fits: run them side by side (each fit is
            // single-threaded by default), then record results in fold order so the numbers
            // and the progress events do not depend on scheduling.
            var foldScores = new double[folds.Count][];
            Parallel.For(
                0,
                folds.Count,
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = options.Parallelism,
                    CancellationToken = cancellationToken,
                },
                f =>
                {
                    var validation = folds.Validation[f];
                    var scores = new double[validation.Rows];
                    using (
                        var model = trainer.Fit(
                            folds.Train[f],
                            configuration,
                            options.Seed,
                            cancellationToken
                        )
                    )
                    {
                        model.Predict(validation, scores);
                    }
                    foldScores[f] = scores;
                }
            );
            for (var f = 0; f < folds.Count; f++)
            {
                var validation = folds.Validation[f];
                var scores = foldScores[f];
                var positions = folds.ValidationPositions[f];
                for (var i = 0; i < positions.Length; i++)
                {
                    outOfFold[positions[i]] = scores[i];
                }

                foldMetrics[f] = new FoldMetrics(
                    f,
                    validation.Rows,
                    MetricSet.Compute(validation.Labels, scores, 0.5).AsDictionary()
                );
                progress.Advance(
                    1,
                    new TrainingProgress(stage, 0)
                    {
                        Model = trainer.Name,
                        TrialIndex = t,
                        Fold = foldMetrics[f],
                    }
                );
            }

            var summary = CrossValidationSummary.Summarise(foldMetrics.Select(m => m.Metrics));
            var trial = new SearchTrial
            {
                TrialIndex = t,
                HyperParameters = configuration.Values,
                PrimaryMetric = options.PrimaryMetric,
                MeanPrimaryMetric = summary[options.PrimaryMetric].Mean,
                StandardDeviationPrimaryMetric = summary[options.PrimaryMetric].StandardDeviation,
                MeanLogLoss = summary[MetricNames.LogLoss].Mean,
                Folds = foldMetrics,
            };
            trials.Add(trial);
            progress.Advance(
                0,
                new TrainingProgress(stage, 0)
                {
                    Model = trainer.Name,
                    TrialIndex = t,
                    Trial = trial,
                }
            );
            if (best < 0 || IsBetter(trial, trials[best], higherIsBetter))
            {
                best = t;
                bestOutOfFold = outOfFold;
                outOfFold = new double[trainRows];
            }
        }

        trials[best] = trials[best] with { Chosen = true };
        return new SearchOutcome(trials, best, configurations[best], bestOutOfFold!);
    }

    /// <summary>Strictly better: the primary metric (NaN is worst), then lower log loss; equal → not better (earlier wins).</summary>
    internal static bool IsBetter(SearchTrial candidate, SearchTrial incumbent, bool higherIsBetter)
    {
        var c = Oriented(candidate.MeanPrimaryMetric, higherIsBetter);
        var i = Oriented(incumbent.MeanPrimaryMetric, higherIsBetter);
        if (c != i)
        {
            return c > i;
        }

        var cl = double.IsNaN(candidate.MeanLogLoss) ? double.MaxValue : candidate.MeanLogLoss;
        var il = double.IsNaN(incumbent.MeanLogLoss) ? double.MaxValue : incumbent.MeanLogLoss;
        return cl < il;
    }

    private static double Oriented(double value, bool higherIsBetter) =>
        double.IsNaN(value) ? double.MinValue
        : higherIsBetter ? value
        : -value;
}
