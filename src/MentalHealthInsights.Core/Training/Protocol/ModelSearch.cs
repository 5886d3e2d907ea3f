using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// Cross-validates the configurations of one trainer on the shared folds, rung by rung
/// (<see cref="SearchPlan"/>), and picks the best by mean primary metric (ties: lower mean log
/// loss, then the earlier configuration) among those evaluated on every fold.
/// </summary>
internal static class ModelSearch
{
    /// <summary>The rungs of <paramref name="trainer"/>'s search of <paramref name="configurations"/> configurations.</summary>
    public static IReadOnlyList<SearchRung> Plan(
        IBinaryTrainer trainer,
        int configurations,
        TrainingOptions options
    ) =>
        SearchPlan.Rungs(
            configurations,
            options.Folds,
            options.SearchStrategy,
            trainer.RanksOnStandIns
        );

    public static SearchOutcome Run(
        IBinaryTrainer trainer,
        IReadOnlyList<HyperParameters> configurations,
        CrossValidationFolds folds,
        int trainRows,
        TrainingOptions options,
        ProgressTracker progress,
        FitGate gate,
        CancellationToken cancellationToken
    )
    {
        var higherIsBetter = MetricNames.HigherIsBetter(options.PrimaryMetric);
        var rungs = Plan(trainer, configurations.Count, options);
        var stage = $"search {trainer.Name}";
        var scores = new double[configurations.Count][][];
        var metrics = new FoldMetrics[configurations.Count][];
        var reached = new int[configurations.Count];
        // What each configuration was last evaluated as: itself, or its stand-in for a trial
        // eliminated before the last rung (the report shows what produced its numbers).
        var evaluatedAs = configurations.ToArray();
        for (var c = 0; c < configurations.Count; c++)
        {
            scores[c] = new double[folds.Count][];
            metrics[c] = new FoldMetrics[folds.Count];
        }

        using var session = trainer.BeginSearch(options.Seed);
        int[] active = [.. Enumerable.Range(0, configurations.Count)];
        var doneFolds = 0;
        var standIns = false;
        for (var r = 0; r < rungs.Count; r++)
        {
            var rung = rungs[r];
            if (active.Length > rung.Configurations)
            {
                active = Rank(active, metrics, doneFolds, options.PrimaryMetric, higherIsBetter)
                    .Take(rung.Configurations)
                    .Order()
                    .ToArray();
            }

            // Leaving stand-ins, the survivors are evaluated afresh on every fold.
            var firstFold = rung.StandIns == standIns ? doneFolds : 0;
            standIns = rung.StandIns;
            var fitted = new Dictionary<int, HyperParameters>();
            foreach (var c in active)
            {
                fitted[c] = rung.StandIns
                    ? trainer.EarlyRungStandIn(configurations[c]) ?? configurations[c]
                    : configurations[c];
                evaluatedAs[c] = fitted[c];
                for (var f = firstFold; f < rung.Folds; f++)
                {
                    scores[c][f] = new double[folds.Validation[f].Rows];
                }
            }

            // Every (group, fold) pair of the rung is an independent, seeded fit: run them side
            // by side (each fit is single-threaded by default), then record the results in
            // (configuration, fold) order so that the numbers and the progress events do not
            // depend on scheduling. A group is one configuration, or several that one fit serves.
            var pairs = Groups(trainer, active, fitted)
                .SelectMany(
                    g => Enumerable.Range(firstFold, rung.Folds - firstFold),
                    (g, f) => (g, f)
                )
                .ToArray();
            void FitPair(int p)
            {
                var (group, f) = pairs[p];
                session.FitAndPredict(
                    folds.Train[f],
                    folds.Validation[f],
                    [.. group.Select(c => fitted[c])],
                    [.. group.Select(c => scores[c][f])],
                    cancellationToken
                );
                for (var i = 0; i < group.Length; i++)
                {
                    progress.Tick(stage, trainer.Name);
                }
            }

            if (trainer.FitsOneAtATime)
            {
                // The library serialises this trainer's fits, so they form one chain: the run's
                // critical path. The chain takes a slot ahead of the other trainers' fits and
                // keeps it for the whole rung (giving it back between fits would hand it to a
                // waiting fit of another trainer and leave the chain waiting for the next free
                // slot); the other slots go to the trainers searching beside it.
                gate.Run(
                    () =>
                    {
                        for (var p = 0; p < pairs.Length; p++)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            FitPair(p);
                        }
                    },
                    cancellationToken,
                    first: true
                );
            }
            else
            {
                try
                {
                    Parallel.For(
                        0,
                        pairs.Length,
                        new ParallelOptions
                        {
                            MaxDegreeOfParallelism = options.Parallelism,
                            CancellationToken = cancellationToken,
                        },
                        p => gate.Run(() => FitPair(p), cancellationToken)
                    );
                }
                catch (AggregateException e)
                {
                    // A fit's own error as itself; fits that were only cancelled as a cancellation.
                    ParallelFailures.Rethrow(e);
                }
            }

            foreach (var c in active)
            {
                for (var f = firstFold; f < rung.Folds; f++)
                {
                    var validation = folds.Validation[f];
                    metrics[c][f] = new FoldMetrics(
                        f,
                        validation.Rows,
                        MetricSet.Compute(validation.Labels, scores[c][f], 0.5).AsDictionary()
                    );
                    reached[c] = r;
                    progress.Advance(
                        0,
                        new TrainingProgress(stage, 0)
                        {
                            Model = trainer.Name,
                            TrialIndex = c,
                            Fold = metrics[c][f],
                        }
                    );
                }
            }

            // Eliminated configurations' predictions are no longer needed.
            for (var c = 0; c < configurations.Count; c++)
            {
                if (!active.Contains(c))
                {
                    scores[c] = [];
                }
            }

            doneFolds = rung.Folds;
        }

        var trials = new List<SearchTrial>(configurations.Count);
        for (var c = 0; c < configurations.Count; c++)
        {
            var evaluated = metrics[c].TakeWhile(m => m is not null).ToArray();
            var summary = CrossValidationSummary.Summarise(evaluated.Select(m => m.Metrics));
            trials.Add(
                new SearchTrial
                {
                    TrialIndex = c,
                    HyperParameters = evaluatedAs[c].Values,
                    PrimaryMetric = options.PrimaryMetric,
                    MeanPrimaryMetric = summary[options.PrimaryMetric].Mean,
                    StandardDeviationPrimaryMetric = summary[
                        options.PrimaryMetric
                    ].StandardDeviation,
                    MeanLogLoss = summary[MetricNames.LogLoss].Mean,
                    Folds = evaluated,
                    Rung = reached[c],
                    Eliminated = evaluated.Length < folds.Count,
                }
            );
        }

        var best = -1;
        foreach (var c in active)
        {
            if (best < 0 || IsBetter(trials[c], trials[best], higherIsBetter))
            {
                best = c;
            }
        }

        foreach (var trial in trials)
        {
            progress.Advance(
                0,
                new TrainingProgress(stage, 0)
                {
                    Model = trainer.Name,
                    TrialIndex = trial.TrialIndex,
                    Trial = trial,
                }
            );
        }

        var outOfFold = new double[trainRows];
        for (var f = 0; f < folds.Count; f++)
        {
            var positions = folds.ValidationPositions[f];
            var predicted = scores[best][f];
            for (var i = 0; i < positions.Length; i++)
            {
                outOfFold[positions[i]] = predicted[i];
            }
        }

        trials[best] = trials[best] with { Chosen = true };
        return new SearchOutcome(trials, best, configurations[best], outOfFold);
    }

    /// <summary>
    /// The active configurations in groups that one fit serves (same non-null
    /// <see cref="IBinaryTrainer.SharedFitKey"/> of the configuration actually fitted), in order
    /// of their first member; a configuration without a key is a group of its own.
    /// </summary>
    private static List<int[]> Groups(
        IBinaryTrainer trainer,
        int[] active,
        Dictionary<int, HyperParameters> fitted
    )
    {
        var groups = new List<List<int>>();
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var c in active)
        {
            var key = trainer.SharedFitKey(fitted[c]);
            if (key is null)
            {
                groups.Add([c]);
            }
            else if (byKey.TryGetValue(key, out var group))
            {
                group.Add(c);
            }
            else
            {
                byKey[key] = [c];
                groups.Add(byKey[key]);
            }
        }

        return [.. groups.Select(g => g.ToArray())];
    }

    /// <summary>
    /// <paramref name="candidates"/> best first by their means over the first
    /// <paramref name="folds"/> folds (the same order as <see cref="IsBetter"/>, then index).
    /// </summary>
    private static List<int> Rank(
        IReadOnlyList<int> candidates,
        FoldMetrics[][] metrics,
        int folds,
        string primaryMetric,
        bool higherIsBetter
    )
    {
        var partial = candidates.ToDictionary(
            c => c,
            c =>
            {
                var summary = CrossValidationSummary.Summarise(
                    metrics[c].Take(folds).Select(m => m.Metrics)
                );
                return new SearchTrial
                {
                    TrialIndex = c,
                    HyperParameters = new Dictionary<string, string>(),
                    PrimaryMetric = primaryMetric,
                    MeanPrimaryMetric = summary[primaryMetric].Mean,
                    StandardDeviationPrimaryMetric = summary[primaryMetric].StandardDeviation,
                    MeanLogLoss = summary[MetricNames.LogLoss].Mean,
                    Folds = [],
                };
            }
        );
        var ranked = candidates.ToList();
        ranked.Sort(
            (a, b) =>
                IsBetter(partial[a], partial[b], higherIsBetter) ? -1
                : IsBetter(partial[b], partial[a], higherIsBetter) ? 1
                : a.CompareTo(b)
        );
        return ranked;
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
