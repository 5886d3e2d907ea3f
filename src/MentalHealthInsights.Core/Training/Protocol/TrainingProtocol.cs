using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// The training protocol of issue 3 as a use case (docs/training.md): stratified train/test split;
/// k-fold cross-validation on the training part with fold-local preprocessing; a leakage guard;
/// a seeded hyperparameter search per trainer; calibration and threshold on out-of-fold
/// predictions; a final refit on the whole training part; one evaluation on the test part with
/// bootstrap intervals; significance against the majority baseline; key indicators. The test
/// part is touched once, at the end. Deterministic for a seed: the search's fits run in parallel
/// but are independent and seeded, and their results are recorded in a fixed order.
/// </summary>
public sealed partial class TrainingProtocol
{
    /// <summary>The registry name of the baseline every run must include.</summary>
    public const string BaselineName = MajorityBaselineTrainer.TrainerName;

    private readonly IBinaryTrainer[] _trainers;
    private readonly TimeProvider _time;

    /// <summary>Creates the protocol over <paramref name="trainers"/>; the baseline is moved first.</summary>
    /// <param name="trainers">Distinct trainers; one of them must be the "baseline".</param>
    /// <param name="time">The clock of the report's creation time.</param>
    /// <exception cref="ArgumentException">No "baseline", a duplicate name, or a null entry.</exception>
    public TrainingProtocol(IReadOnlyList<IBinaryTrainer> trainers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(trainers);
        ArgumentNullException.ThrowIfNull(time);
        if (trainers.Any(t => t is null))
        {
            throw new ArgumentException(
                "The trainer list contains a null entry.",
                nameof(trainers)
            );
        }

        var duplicate = trainers
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Trainer '{duplicate.Key}' is listed more than once.",
                nameof(trainers)
            );
        }

        var baseline = trainers.FirstOrDefault(t => t.Name == BaselineName);
        if (baseline is null)
        {
            throw new ArgumentException(
                $"The trainers must include the majority-class baseline ('{BaselineName}'): every model is judged against it. Got: {string.Join(", ", trainers.Select(t => t.Name))}.",
                nameof(trainers)
            );
        }

        _trainers = [baseline, .. trainers.Where(t => !ReferenceEquals(t, baseline))];
        _time = time;
    }

    /// <summary>The trainers in run order (the baseline first).</summary>
    public IReadOnlyList<IBinaryTrainer> Trainers => _trainers;

    /// <summary>
    /// Runs the protocol. Bad data is a result: too few rows of a class gives
    /// <see cref="TrainingOutcome.InsufficientData"/>, suspected leakage (not allowed) gives
    /// <see cref="TrainingOutcome.StoppedForSuspectedLeakage"/>; neither trains anything.
    /// </summary>
    /// <param name="records">Validated records (the target is <see cref="MentalHealthRecord.HasCondition"/>).</param>
    /// <param name="options">Options; validated first.</param>
    /// <param name="progress">Stages, fractions, fold and trial events.</param>
    /// <param name="ct">Checked between fits; cancellation throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public TrainingResult Run(
        IReadOnlyList<MentalHealthRecord> records,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken ct = default
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var spec = options.Features;
        var labels = new bool[records.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = records[i].HasCondition;
        }

        var positives = labels.Count(l => l);
        if (positives < 2 || labels.Length - positives < 2)
        {
            return Insufficient(
                Facts(records, labels, [], [], options),
                options,
                $"The data has {positives} positive and {labels.Length - positives} negative rows; at least two of each are needed to split it."
            );
        }

        var (train, test) = StratifiedSplit.TrainTest(labels, options.TestFraction, options.Seed);
        var facts = Facts(records, labels, train, test, options);
        var trainNegatives = facts.TrainRows - facts.TrainPositives;
        if (Math.Min(facts.TrainPositives, trainNegatives) < options.Folds)
        {
            return Insufficient(
                facts,
                options,
                $"The training part has {facts.TrainPositives} positive and {trainNegatives} negative rows; {options.Folds}-fold cross-validation needs at least {options.Folds} of each."
            );
        }

        var trainLabels = Pick(labels, train);
        var configurations = _trainers
            .Select(t =>
                (IReadOnlyList<HyperParameters>)
                    [
                        .. t.SearchSpace(options.SearchBudget, options.Seed)
                            .Take(options.SearchBudget),
                    ]
            )
            .ToArray();
        var totalUnits =
            options.Folds
            + 1
            + configurations
                .Select((c, t) => SearchPlan.Fits(ModelSearch.Plan(_trainers[t], c.Count, options)))
                .Sum()
            + (2 * _trainers.Length)
            + 1;
        var tracker = new ProgressTracker(progress, totalUnits);

        tracker.Stage("cross-validation folds");
        var folds = CrossValidationFolds.Build(
            records,
            train,
            trainLabels,
            options.Folds,
            options.Seed,
            spec,
            () => tracker.Advance(1, new TrainingProgress("cross-validation folds", 0)),
            ct
        );

        var leakage = LeakageGuard.Check(
            records,
            train,
            folds.FoldOfRow,
            spec,
            options.LeakageAucThreshold,
            options.AllowSuspectedLeakage
        );
        tracker.Advance(1, new TrainingProgress("leakage check", 0));
        if (leakage.Fired && !options.AllowSuspectedLeakage)
        {
            return StoppedForLeakage(facts, options, leakage);
        }

        // The final preprocessor sees the training part only; the test part is transformed once.
        var preprocessor = Preprocessor.Fit(records, train, spec);
        var context = new FinalContext(
            preprocessor,
            CrossValidationFolds.Matrix(records, train, preprocessor),
            CrossValidationFolds.Matrix(records, test, preprocessor),
            trainLabels
        );

        var runs = new ModelRun?[_trainers.Length];
        try
        {
            SearchAndFinishAll(
                runs,
                configurations,
                folds,
                train.Length,
                context,
                options,
                tracker,
                ct
            );
            tracker.Stage("comparison");
            var finished = runs.Select(r => r!).ToList();
            var report = Compare(finished, context.Test.Labels, facts, options, leakage);
            tracker.Advance(1, new TrainingProgress("done", 1));
            var models = finished
                .Select(r => new TrainedModel(
                    r.Trainer.Name,
                    preprocessor,
                    r.Model,
                    r.Calibrator,
                    r.Threshold,
                    r.Search.Chosen,
                    r.Evaluation
                ))
                .ToArray();
            return new TrainingResult(report, models);
        }
        catch
        {
            foreach (var run in runs)
            {
                run?.Model.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Searches and finishes every trainer into <paramref name="runs"/> (trainer order). With
    /// parallelism above 1 the trainers run side by side, their search fits bounded together by
    /// one <see cref="FitGate"/> of <see cref="TrainingOptions.Parallelism"/> slots: each fit is
    /// independent and seeded, so the results do not change, but a trainer whose fits cannot run
    /// in parallel (<see cref="IBinaryTrainer.FitsOneAtATime"/>: ML.NET's FastForest) no longer
    /// leaves the other cores idle — the other trainers' fits fill them.
    /// </summary>
    private void SearchAndFinishAll(
        ModelRun?[] runs,
        IReadOnlyList<HyperParameters>[] configurations,
        CrossValidationFolds folds,
        int trainRows,
        FinalContext context,
        TrainingOptions options,
        ProgressTracker tracker,
        CancellationToken ct
    )
    {
        var gate = new FitGate(options.Parallelism);
        void One(int t, CancellationToken token)
        {
            var trainer = _trainers[t];
            tracker.Stage($"search {trainer.Name}", trainer.Name);
            var search = ModelSearch.Run(
                trainer,
                configurations[t],
                folds,
                trainRows,
                options,
                tracker,
                gate,
                token
            );
            runs[t] = Finish(trainer, search, context, options, tracker, token);
        }

        if (options.Parallelism == 1)
        {
            for (var t = 0; t < _trainers.Length; t++)
            {
                One(t, ct);
            }

            return;
        }

        // One trainer's failure stops the others, as it would stop a sequential run.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = new Task[_trainers.Length];
        // The serial chains (FitsOneAtATime) start first: with as many pool threads as cores,
        // a trainer queued behind the others waited for the pool to add a thread (≈ 0.6 s at
        // 1,000 rows, measured), and such a chain is the run's critical path.
        var order = Enumerable
            .Range(0, tasks.Length)
            .OrderBy(t => _trainers[t].FitsOneAtATime ? 0 : 1)
            .ToArray();
        foreach (var t in order)
        {
            var index = t;
            // Thread-pool threads, not dedicated ones: FastTree waits for its own sub-tasks,
            // which a pool thread runs inline, while a dedicated thread spins and yields until
            // other pool threads have run them (measured: 35 % more CPU, 4× the system time).
            tasks[t] = Task.Run(
                () =>
                {
                    try
                    {
                        One(index, stop.Token);
                    }
                    catch (Exception e) when (!ParallelFailures.IsCancellation(e))
                    {
                        stop.Cancel();
                        throw;
                    }
                },
                CancellationToken.None
            );
        }

        try
        {
            // Not cancellable: the trainers observe the token themselves and must end before
            // their models can be disposed.
            Task.WaitAll(tasks, CancellationToken.None);
        }
        catch (AggregateException e)
        {
            // Callers see what a sequential run would throw: the first trainer's failure as it
            // was thrown, otherwise the cancellation.
            ParallelFailures.Rethrow(e);
        }
    }

    private static bool[] Pick(bool[] labels, int[] rows)
    {
        var picked = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            picked[i] = labels[rows[i]];
        }

        return picked;
    }

    private static DataFacts Facts(
        IReadOnlyList<MentalHealthRecord> records,
        bool[] labels,
        int[] train,
        int[] test,
        TrainingOptions options
    )
    {
        var positives = labels.Count(l => l);
        return new DataFacts
        {
            Rows = records.Count,
            Positives = positives,
            Prevalence = records.Count == 0 ? double.NaN : (double)positives / records.Count,
            TrainRows = train.Length,
            TrainPositives = train.Count(i => labels[i]),
            TestRows = test.Length,
            TestPositives = test.Count(i => labels[i]),
            DataHash = options.DataHash,
            Seed = options.Seed,
            Features = [.. options.Features.Features],
            Target = options.Features.Target,
        };
    }

    /// <summary>The final preprocessor and the training/test matrices it produced.</summary>
    private sealed record FinalContext(
        FittedPreprocessor Preprocessor,
        FeatureMatrix Train,
        FeatureMatrix Test,
        bool[] TrainLabels
    );
}
