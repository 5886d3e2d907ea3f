using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Core.Training.Protocol;

namespace MentalHealthInsights.Core.Tests.Training.Protocol;

/// <summary>
/// Trainers search side by side when parallelism is above 1: the report must not depend on it,
/// a trainer that fits one at a time must never have two fits running, the run-wide bound on
/// fits must hold, and a failing trainer must fail the run as it would a sequential one.
/// </summary>
public sealed class TrainingProtocolConcurrencyTests
{
    private static readonly TrainingOptions Options = ProtocolTestData.HalvingOptions;

    [Fact]
    public void Run_ThreeTrainersParallelismOneOrFour_IdenticalReports()
    {
        var records = ProtocolTestData.Generate(500, SignalKind.Planted);

        using var sequential = Protocol(new GateProbe(), new GateProbe())
            .Run(records, Options with { Parallelism = 1 });
        using var parallel = Protocol(new GateProbe(), new GateProbe())
            .Run(records, Options with { Parallelism = 4 });

        Assert.Equal(
            ProtocolTestData.Json(sequential.Report),
            ProtocolTestData.Json(parallel.Report)
        );
        Assert.Equal(["baseline", "lr", "lr-serial", "lr-squashed"], Names(parallel));
    }

    [Fact]
    public void Run_ParallelismTwo_NeverMoreThanTwoSearchFitsAndOneSerialFitAtOnce()
    {
        var records = ProtocolTestData.Generate(500, SignalKind.Planted);
        var probe = new GateProbe();

        using var result = Protocol(probe, probe).Run(records, Options with { Parallelism = 2 });

        Assert.InRange(probe.MaxSerial, 1, 1);
        // Search fits share two slots; the final refits run outside them (one per trainer).
        Assert.InRange(probe.MaxTotal, 1, 2 + 3);
        Assert.True(probe.Fits > 0);
    }

    [Fact]
    public void Run_OneTrainerFails_ThrowsItsErrorAndTheOthersStop()
    {
        var records = ProtocolTestData.Generate(500, SignalKind.Planted);
        var failing = new FailingTrainer();

        var error = Assert.ThrowsAny<Exception>(() =>
            new TrainingProtocol(
                [new MajorityBaselineTrainer(), new NewtonLogisticTrainer(), failing],
                FixedTimeProvider.Default
            ).Run(records, Options with { Parallelism = 4 })
        );

        // The trainer's own error, not Parallel.For's AggregateException around it.
        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal("fit failed on purpose", error.Message);
    }

    [Fact]
    public void Run_SerialTrainerFailsWhileAnEarlierTrainerIsCancelled_ThrowsTheFailure()
    {
        var records = ProtocolTestData.Generate(300, SignalKind.Planted);

        // The earlier (parallel) trainer blocks until the failure cancels it; its cancellation,
        // once wrapped by Parallel.For, must not be taken for the first failure.
        var error = Assert.ThrowsAny<Exception>(() =>
            new TrainingProtocol(
                [
                    new MajorityBaselineTrainer(),
                    new BlockingTrainer(),
                    new FailingTrainer(serial: true),
                ],
                FixedTimeProvider.Default
            ).Run(records, Options with { Parallelism = 4 })
        );

        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal("fit failed on purpose", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Run_CancelledWhileTrainersFit_ThrowsOperationCanceled(int parallelism)
    {
        var records = ProtocolTestData.Generate(300, SignalKind.Planted);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = Assert.ThrowsAny<Exception>(() =>
            new TrainingProtocol(
                [new MajorityBaselineTrainer(), new BlockingTrainer(), new BlockingTrainer("b2")],
                FixedTimeProvider.Default
            ).Run(records, Options with { Parallelism = parallelism }, ct: cancel.Token)
        );

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    private static TrainingProtocol Protocol(GateProbe serialProbe, GateProbe probe) =>
        new(
            [
                new MajorityBaselineTrainer(),
                new ProbedTrainer(new NewtonLogisticTrainer(), probe, serial: false),
                new ProbedTrainer(
                    new NewtonLogisticTrainer("lr-serial"),
                    serialProbe,
                    serial: true
                ),
                new ProbedTrainer(
                    new NewtonLogisticTrainer("lr-squashed", squashScores: true),
                    probe,
                    serial: false
                ),
            ],
            FixedTimeProvider.Default
        );

    private static string[] Names(TrainingResult result) =>
        [.. result.Report.Models.Select(m => m.Name)];

    /// <summary>Counts fits running at once (all, and those of the serial trainer).</summary>
    private sealed class GateProbe
    {
        private int _total;
        private int _serial;
        private int _maxTotal;
        private int _maxSerial;
        private int _fits;

        public int MaxTotal => Volatile.Read(ref _maxTotal);

        public int MaxSerial => Volatile.Read(ref _maxSerial);

        public int Fits => Volatile.Read(ref _fits);

        public IDisposable Enter(bool serial)
        {
            Interlocked.Increment(ref _fits);
            Raise(ref _maxTotal, Interlocked.Increment(ref _total));
            if (serial)
            {
                Raise(ref _maxSerial, Interlocked.Increment(ref _serial));
            }

            return new Exit(this, serial);
        }

        private static void Raise(ref int max, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref max)) < value)
            {
                Interlocked.CompareExchange(ref max, value, seen);
            }
        }

        private sealed class Exit(GateProbe probe, bool serial) : IDisposable
        {
            public void Dispose()
            {
                Interlocked.Decrement(ref probe._total);
                if (serial)
                {
                    Interlocked.Decrement(ref probe._serial);
                }
            }
        }
    }

    /// <summary>Delegates to <paramref name="inner"/>, holding each fit a little so that overlaps show.</summary>
    private sealed class ProbedTrainer(IBinaryTrainer inner, GateProbe probe, bool serial)
        : IBinaryTrainer
    {
        public string Name => inner.Name;

        public string DisplayName => inner.DisplayName;

        public bool NeedsCalibration => inner.NeedsCalibration;

        public bool FitsOneAtATime => serial;

        public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed) =>
            inner.SearchSpace(budget, seed);

        public IBinaryModel Fit(
            FeatureMatrix training,
            HyperParameters hyperParameters,
            int seed,
            CancellationToken cancellationToken
        )
        {
            using (probe.Enter(serial))
            {
                Thread.Sleep(5);
                return inner.Fit(training, hyperParameters, seed, cancellationToken);
            }
        }
    }

    /// <summary>Fails every fit.</summary>
    private sealed class FailingTrainer(bool serial = false) : IBinaryTrainer
    {
        public string Name => "broken";

        public string DisplayName => "Always fails";

        public bool NeedsCalibration => false;

        public bool FitsOneAtATime => serial;

        public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed) =>
            [HyperParameters.Empty];

        public IBinaryModel Fit(
            FeatureMatrix training,
            HyperParameters hyperParameters,
            int seed,
            CancellationToken cancellationToken
        ) => throw new InvalidOperationException("fit failed on purpose");
    }

    /// <summary>
    /// Fits in parallel and blocks each fit until cancelled, then throws a cancellation without
    /// a token, as ML.NET and XGBoost do.
    /// </summary>
    private sealed class BlockingTrainer(string name = "blocking") : IBinaryTrainer
    {
        public string Name => name;

        public string DisplayName => "Blocks until cancelled";

        public bool NeedsCalibration => false;

        public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed) =>
            [HyperParameters.Empty];

        public IBinaryModel Fit(
            FeatureMatrix training,
            HyperParameters hyperParameters,
            int seed,
            CancellationToken cancellationToken
        )
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            throw new OperationCanceledException("Operation was canceled.");
        }
    }
}
