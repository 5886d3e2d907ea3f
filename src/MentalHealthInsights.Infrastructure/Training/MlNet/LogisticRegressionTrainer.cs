using MentalHealthInsights.Core.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// Logistic regression fitted by ML.NET's L-BFGS (<c>LbfgsLogisticRegression</c>) with an L2
/// penalty, on one thread so that the floating-point summation order — and so the model — is
/// the same on every machine. Its probabilities are a logistic model's own and need no
/// calibration. Hyperparameters (names as in <see cref="HyperParameters"/>):
/// <list type="bullet">
/// <item><c>l2</c> — L2 weight, default 1 (ML.NET's default; ML.NET's objective is the summed
/// log-loss plus <c>l2/2·‖w‖²</c>, so this is scikit-learn's <c>C = 1/l2</c>); searched
/// log-uniformly in [1e-4, 10].</item>
/// <item><c>l1</c> — L1 weight, default 0 (pure L2); not searched.</item>
/// <item><c>optTol</c> — L-BFGS convergence tolerance, default 1e-7; not searched.</item>
/// <item><c>maxIterations</c> — L-BFGS iteration cap, default 1000; not searched.</item>
/// </list>
/// </summary>
public sealed class LogisticRegressionTrainer : IBinaryTrainer
{
    /// <summary>The registry name, "lr".</summary>
    public const string TrainerName = "lr";

    /// <summary>Hyperparameter name: L2 regularisation weight.</summary>
    public const string L2 = "l2";

    /// <summary>Hyperparameter name: L1 regularisation weight.</summary>
    public const string L1 = "l1";

    /// <summary>Hyperparameter name: optimisation tolerance.</summary>
    public const string OptimizationTolerance = "optTol";

    /// <summary>Hyperparameter name: iteration cap.</summary>
    public const string MaxIterations = "maxIterations";

    /// <summary>Lower end of the searched L2 range.</summary>
    public const double L2SearchLow = 1e-4;

    /// <summary>Upper end of the searched L2 range.</summary>
    public const double L2SearchHigh = 10;

    private static readonly string[] KnownNames = [L2, L1, OptimizationTolerance, MaxIterations];

    /// <summary>The defaults, every value explicit (so that they are logged as params).</summary>
    public static HyperParameters Defaults { get; } =
        HyperParameters
            .Empty.With(L2, 1.0)
            .With(L1, 0.0)
            .With(OptimizationTolerance, 1e-7)
            .With(MaxIterations, 1000);

    /// <inheritdoc />
    public string Name => TrainerName;

    /// <inheritdoc />
    public string DisplayName => "Logistic regression (ML.NET L-BFGS, L2)";

    /// <summary>False: a logistic model's probabilities are its own.</summary>
    public bool NeedsCalibration => false;

    /// <summary><see cref="Defaults"/> first, then seeded draws of <c>l2</c> (3 significant digits), deduplicated.</summary>
    public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed) =>
        SearchSpaceBuilder.Build(
            budget,
            seed,
            Defaults,
            random =>
                Defaults.With(L2, SearchSpaceBuilder.LogUniform(random, L2SearchLow, L2SearchHigh))
        );

    /// <inheritdoc />
    public IBinaryModel Fit(
        FeatureMatrix training,
        HyperParameters hyperParameters,
        int seed,
        CancellationToken cancellationToken
    )
    {
        MlNetData.CheckTrainingData(training);
        var options = ReadOptions(hyperParameters);
        cancellationToken.ThrowIfCancellationRequested();

        var ml = new MLContext(seed);
        var data = MlNetData.ToDataView(training);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(options);
        var transformer = MlNetCancellation.Run(ml, () => trainer.Fit(data), cancellationToken);
        return LogisticRegressionModel.Create(
            transformer,
            training.Columns,
            options.L2Regularization,
            () => MlNetZip.Save(ml, transformer, data.Schema, [])
        );
    }

    private static LbfgsLogisticRegressionBinaryTrainer.Options ReadOptions(
        HyperParameters hyperParameters
    )
    {
        SearchSpaceBuilder.CheckNames(hyperParameters, TrainerName, KnownNames);
        var l2 = hyperParameters.GetDouble(L2, 1.0);
        var l1 = hyperParameters.GetDouble(L1, 0.0);
        var tolerance = hyperParameters.GetDouble(OptimizationTolerance, 1e-7);
        var iterations = hyperParameters.GetInt(MaxIterations, 1000);
        if (!(l2 >= 0) || !(l1 >= 0) || !(tolerance > 0) || iterations < 1)
        {
            throw new ArgumentException(
                $"'{TrainerName}' needs l2 ≥ 0, l1 ≥ 0, optTol > 0 and maxIterations ≥ 1; got {hyperParameters}.",
                nameof(hyperParameters)
            );
        }
        return new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            FeatureColumnName = MlNetData.FeaturesColumn,
            LabelColumnName = MlNetData.LabelColumn,
            L2Regularization = (float)l2,
            L1Regularization = (float)l1,
            OptimizationTolerance = (float)tolerance,
            MaximumNumberOfIterations = iterations,
            NumberOfThreads = 1,
        };
    }
}
