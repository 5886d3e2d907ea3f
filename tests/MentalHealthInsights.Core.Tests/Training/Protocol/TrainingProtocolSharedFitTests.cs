using System.Collections.Concurrent;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

/// <summary>The search's two ways of saving fits: stand-ins in early rungs and groups that one fit serves.</summary>
public sealed class TrainingProtocolSharedFitTests
{
    private static readonly TrainingOptions Halving = ProtocolTestData.HalvingOptions;

    private static TrainingProtocol Protocol(IBinaryTrainer trainer) =>
        ProtocolTestData.WithBaseline(trainer);

    [Fact]
    public void Run_StandIns_EarlyRungFitsStandInsAndLastRungRefitsSurvivorsOnEveryFold()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);
        var trainer = new StandInTrainer();

        using var result = Protocol(trainer).Run(records, Halving);

        // Rung 0: five stand-ins on fold 0; last rung: two survivors × three folds; final fit.
        Assert.Equal(5, trainer.StandInFits);
        Assert.Equal(2 * 3 + 1, trainer.RealFits);
        var trials = result.Report.FindModel("lr")!.Trials;
        var survivors = trials.Where(t => !t.Eliminated).ToArray();
        Assert.Equal(2, survivors.Length);
        Assert.All(survivors, t => Assert.Equal(3, t.Folds.Count));
        Assert.All(trials.Where(t => t.Eliminated), t => Assert.Single(t.Folds));
        // Eliminated trials show the stand-in that produced their numbers; survivors themselves.
        Assert.All(
            trials.Where(t => t.Eliminated),
            t => Assert.Equal("1", t.HyperParameters["standin"])
        );
        Assert.All(survivors, t => Assert.DoesNotContain("standin", t.HyperParameters.Keys));
        Assert.DoesNotContain("standin", result.Report.FindModel("lr")!.HyperParameters.Keys);
    }

    [Fact]
    public void Run_StandIns_SurvivorsHaveTheFullSearchNumbers()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);

        using var halving = Protocol(new StandInTrainer()).Run(records, Halving);
        using var full = Protocol(new StandInTrainer())
            .Run(records, Halving with { SearchStrategy = SearchStrategy.Full });

        var fullTrials = full.Report.FindModel("lr")!.Trials;
        foreach (var trial in halving.Report.FindModel("lr")!.Trials.Where(t => !t.Eliminated))
        {
            Assert.Equal(3, trial.Folds.Count);
            for (var f = 0; f < 3; f++)
            {
                Assert.Equal(fullTrials[trial.TrialIndex].Folds[f].Metrics, trial.Folds[f].Metrics);
            }
        }
    }

    [Fact]
    public void Run_StandInsProgress_CountsEveryEvaluationAndEndsAtOne()
    {
        var records = ProtocolTestData.Generate(300, SignalKind.Planted);
        var events = new List<TrainingProgress>();

        using var result = Protocol(new StandInTrainer())
            .Run(records, Halving, new SynchronousProgress(events.Add));

        // baseline: 3 folds; lr: 5 stand-in evaluations + 2 × 3 = 11 (SearchPlan.Fits).
        Assert.Equal(
            11,
            SearchPlan.Fits(SearchPlan.Rungs(5, 3, SearchStrategy.Halving, standIns: true))
        );
        Assert.Equal(3 + 11, events.Count(e => e.Fold is not null));
        Assert.Equal(1.0, events[^1].Fraction);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].Fraction >= events[i - 1].Fraction);
        }
    }

    [Fact]
    public void Run_SharedFitGroups_OneSessionCallPerGroupAndFoldAndTheSameReport()
    {
        var records = ProtocolTestData.Generate(600, SignalKind.Planted);
        var grouped = new GroupingTrainer();

        using var separate = Protocol(new NewtonLogisticTrainer()).Run(records, Halving);
        using var together = Protocol(grouped).Run(records, Halving with { Parallelism = 4 });

        Assert.Equal(
            ProtocolTestData.Json(separate.Report),
            ProtocolTestData.Json(together.Report)
        );
        // One group: fold 0 in rung 0, folds 1 and 2 in the last rung.
        Assert.Equal(3, grouped.SessionCalls);
        Assert.Equal([5, 2, 2], grouped.GroupSizes.Order().Reverse());
    }

    /// <summary>Newton trainer whose stand-ins carry a marker (the fit itself ignores it).</summary>
    private sealed class StandInTrainer : IBinaryTrainer
    {
        private readonly NewtonLogisticTrainer _inner = new();
        private int _standIns;
        private int _real;

        public int StandInFits => Volatile.Read(ref _standIns);

        public int RealFits => Volatile.Read(ref _real);

        public string Name => _inner.Name;

        public string DisplayName => _inner.DisplayName;

        public bool NeedsCalibration => false;

        public bool RanksOnStandIns => true;

        public HyperParameters? EarlyRungStandIn(HyperParameters hyperParameters) =>
            hyperParameters.With("standin", 1);

        public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed) =>
            _inner.SearchSpace(budget, seed);

        public IBinaryModel Fit(
            FeatureMatrix training,
            HyperParameters hyperParameters,
            int seed,
            CancellationToken cancellationToken
        )
        {
            if (hyperParameters.Values.ContainsKey("standin"))
            {
                Interlocked.Increment(ref _standIns);
            }
            else
            {
                Interlocked.Increment(ref _real);
            }

            return _inner.Fit(training, hyperParameters, seed, cancellationToken);
        }
    }

    /// <summary>Newton trainer whose configurations all share one fit key; counts the session's calls.</summary>
    private sealed class GroupingTrainer : IBinaryTrainer
    {
        private readonly NewtonLogisticTrainer _inner = new();
        private int _calls;

        public int SessionCalls => Volatile.Read(ref _calls);

        public ConcurrentBag<int> GroupSizes { get; } = [];

        public string Name => _inner.Name;

        public string DisplayName => _inner.DisplayName;

        public bool NeedsCalibration => false;

        public string? SharedFitKey(HyperParameters hyperParameters) => "all";

        public ISearchSession BeginSearch(int seed) => new CountingSession(this, seed);

        public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed) =>
            _inner.SearchSpace(budget, seed);

        public IBinaryModel Fit(
            FeatureMatrix training,
            HyperParameters hyperParameters,
            int seed,
            CancellationToken cancellationToken
        ) => _inner.Fit(training, hyperParameters, seed, cancellationToken);

        private sealed class CountingSession(GroupingTrainer owner, int seed) : ISearchSession
        {
            private readonly SeparateFitsSession _inner = new(owner, seed);

            public void FitAndPredict(
                FeatureMatrix training,
                FeatureMatrix validation,
                IReadOnlyList<HyperParameters> group,
                IReadOnlyList<double[]> destinations,
                CancellationToken cancellationToken
            )
            {
                Interlocked.Increment(ref owner._calls);
                owner.GroupSizes.Add(group.Count);
                _inner.FitAndPredict(training, validation, group, destinations, cancellationToken);
            }

            public void Dispose() => _inner.Dispose();
        }
    }
}
