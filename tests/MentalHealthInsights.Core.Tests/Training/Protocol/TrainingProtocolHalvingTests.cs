using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

public sealed class TrainingProtocolHalvingTests
{
    private static readonly TrainingOptions Halving = ProtocolTestData.HalvingOptions;

    private static TrainingProtocol Protocol(IBinaryTrainer trainer) =>
        ProtocolTestData.WithBaseline(trainer);

    [Fact]
    public void Run_Halving_FitsOnlyThePlannedPairs()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);
        var trainer = new CountingTrainer(new NewtonLogisticTrainer());

        using var result = Protocol(trainer).Run(records, Halving);

        // 9 search fits + the final refit.
        Assert.Equal(10, trainer.Fits);
        Assert.Equal("halving", result.Report.Options.SearchStrategy);
    }

    [Fact]
    public void Run_Halving_PromotesTheBestOnTheFirstFoldAndChoosesAmongFullyEvaluated()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);

        using var result = Protocol(new NewtonLogisticTrainer()).Run(records, Halving);

        var trials = result.Report.FindModel("lr")!.Trials;
        Assert.Equal(5, trials.Count);
        var survivors = trials.Where(t => !t.Eliminated).ToArray();
        Assert.Equal(2, survivors.Length);
        Assert.All(survivors, t => Assert.Equal(3, t.Folds.Count));
        Assert.All(survivors, t => Assert.Equal(1, t.Rung));
        Assert.All(trials.Where(t => t.Eliminated), t => Assert.Single(t.Folds));
        Assert.All(trials.Where(t => t.Eliminated), t => Assert.Equal(0, t.Rung));
        // The survivors are the two best on fold 0 (ROC AUC, ties: lower log loss, then index).
        var expected = trials
            .OrderByDescending(t => t.Folds[0].Metrics[MetricNames.RocAuc])
            .ThenBy(t => t.Folds[0].Metrics[MetricNames.LogLoss])
            .ThenBy(t => t.TrialIndex)
            .Take(2)
            .Select(t => t.TrialIndex)
            .Order();
        Assert.Equal(expected, survivors.Select(t => t.TrialIndex));
        var chosen = Assert.Single(trials, t => t.Chosen);
        Assert.False(chosen.Eliminated);
        Assert.Equal(survivors.Max(t => t.MeanPrimaryMetric), chosen.MeanPrimaryMetric);
    }

    [Fact]
    public void Run_HalvingAndFull_SurvivorsHaveTheFullSearchNumbers()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);

        using var halving = Protocol(new NewtonLogisticTrainer()).Run(records, Halving);
        using var full = Protocol(new NewtonLogisticTrainer())
            .Run(records, Halving with { SearchStrategy = SearchStrategy.Full });

        var fullTrials = full.Report.FindModel("lr")!.Trials;
        Assert.All(fullTrials, t => Assert.False(t.Eliminated));
        Assert.All(fullTrials, t => Assert.Equal(3, t.Folds.Count));
        Assert.Equal("full", full.Report.Options.SearchStrategy);
        foreach (var trial in halving.Report.FindModel("lr")!.Trials)
        {
            var same = fullTrials[trial.TrialIndex];
            for (var f = 0; f < trial.Folds.Count; f++)
            {
                Assert.Equal(same.Folds[f].Metrics, trial.Folds[f].Metrics);
            }

            if (!trial.Eliminated)
            {
                Assert.Equal(same.MeanPrimaryMetric, trial.MeanPrimaryMetric);
            }
        }
    }

    [Fact]
    public void Run_HalvingParallelismOneOrFour_IdenticalReports()
    {
        var records = ProtocolTestData.Generate(500, SignalKind.Planted);

        using var sequential = Protocol(new NewtonLogisticTrainer())
            .Run(records, Halving with { Parallelism = 1 });
        using var parallel = Protocol(new NewtonLogisticTrainer())
            .Run(records, Halving with { Parallelism = 4 });

        Assert.Equal(
            ProtocolTestData.Json(sequential.Report),
            ProtocolTestData.Json(parallel.Report)
        );
    }

    [Fact]
    public void Run_HalvingProgress_OneFoldEventPerFitAndEndsAtOne()
    {
        var records = ProtocolTestData.Generate(300, SignalKind.Planted);
        var events = new List<TrainingProgress>();

        using var result = Protocol(new NewtonLogisticTrainer())
            .Run(records, Halving, new SynchronousProgress(events.Add));

        // baseline: 1 configuration × 3 folds; lr: 9 fits.
        Assert.Equal(12, events.Count(e => e.Fold is not null));
        Assert.Equal(6, events.Count(e => e.Trial is not null));
        Assert.Equal(1.0, events[^1].Fraction);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].Fraction >= events[i - 1].Fraction);
        }
    }

    /// <summary>Counts fits (from any thread) and delegates.</summary>
    private sealed class CountingTrainer(IBinaryTrainer inner) : IBinaryTrainer
    {
        private int _fits;

        public int Fits => Volatile.Read(ref _fits);

        public string Name => inner.Name;

        public string DisplayName => inner.DisplayName;

        public bool NeedsCalibration => inner.NeedsCalibration;

        public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed) =>
            inner.SearchSpace(budget, seed);

        public IBinaryModel Fit(
            FeatureMatrix training,
            HyperParameters hyperParameters,
            int seed,
            CancellationToken cancellationToken
        )
        {
            Interlocked.Increment(ref _fits);
            return inner.Fit(training, hyperParameters, seed, cancellationToken);
        }
    }
}
