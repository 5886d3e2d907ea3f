using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// The "xgb" trainer: the real XGBoost library (binary:logistic, hist) behind the trainer port.
/// Probabilities come straight from XGBoost (log-loss trained, so no extra calibration step);
/// explanations are XGBoost's own TreeSHAP.
/// </summary>
/// <param name="threads">Native threads per fit (default 1: reproducible and fastest on a loaded 2-core machine).</param>
public sealed class XGBoostTrainer(int threads = 1) : IBinaryTrainer
{
    /// <inheritdoc />
    public string Name => "xgb";

    /// <inheritdoc />
    public string DisplayName => $"XGBoost {XGBoostModel.LibraryVersion} (gradient-boosted trees)";

    /// <inheritdoc />
    public bool NeedsCalibration => false;

    /// <summary>
    /// Defaults first, then seeded random draws: rounds 50–400, max_depth 2–6, eta 0.02–0.3
    /// (log-uniform), subsample and colsample_bytree 0.6–1, min_child_weight 1–10 (log-uniform),
    /// lambda 0.1–10 (log-uniform).
    /// </summary>
    public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        var defaults = XGBoostOptions.Default;
        var configurations = new List<HyperParameters>
        {
            HyperParameters
                .Empty.With("rounds", defaults.Rounds)
                .With("max_depth", defaults.MaxDepth)
                .With("eta", defaults.LearningRate)
                .With("subsample", defaults.Subsample)
                .With("colsample_bytree", defaults.ColsampleByTree)
                .With("min_child_weight", defaults.MinChildWeight)
                .With("lambda", defaults.Lambda),
        };
        var random = new Random(seed);
        for (var attempt = 0; configurations.Count < budget && attempt < budget * 20; attempt++)
        {
            var candidate = HyperParameters
                .Empty.With("rounds", 50 + (random.Next(8) * 50))
                .With("max_depth", random.Next(2, 7))
                .With("eta", Math.Round(LogUniform(random, 0.02, 0.3), 4))
                .With("subsample", Math.Round(0.6 + (0.4 * random.NextDouble()), 2))
                .With("colsample_bytree", Math.Round(0.6 + (0.4 * random.NextDouble()), 2))
                .With("min_child_weight", Math.Round(LogUniform(random, 1, 10), 2))
                .With("lambda", Math.Round(LogUniform(random, 0.1, 10), 3));
            if (!configurations.Contains(candidate))
            {
                configurations.Add(candidate);
            }
        }
        return configurations;
    }

    /// <inheritdoc />
    public IBinaryModel Fit(
        FeatureMatrix training,
        HyperParameters hyperParameters,
        int seed,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(hyperParameters);
        var options = ToOptions(hyperParameters, seed);
        var labels = new float[training.Rows];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = training.Labels[i] ? 1f : 0f;
        }
        var model = XGBoostModel.Train(
            training.Features,
            training.Rows,
            training.Columns,
            labels,
            options,
            cancellationToken: cancellationToken
        );
        return new XGBoostBinaryModel(model);
    }

    /// <summary>The XGBoost options a configuration stands for (unknown names are ignored).</summary>
    public XGBoostOptions ToOptions(HyperParameters hyperParameters, int seed)
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        var defaults = XGBoostOptions.Default;
        return defaults with
        {
            Rounds = hyperParameters.GetInt("rounds", defaults.Rounds),
            MaxDepth = hyperParameters.GetInt("max_depth", defaults.MaxDepth),
            LearningRate = hyperParameters.GetDouble("eta", defaults.LearningRate),
            Subsample = hyperParameters.GetDouble("subsample", defaults.Subsample),
            ColsampleByTree = hyperParameters.GetDouble(
                "colsample_bytree",
                defaults.ColsampleByTree
            ),
            MinChildWeight = hyperParameters.GetDouble("min_child_weight", defaults.MinChildWeight),
            Lambda = hyperParameters.GetDouble("lambda", defaults.Lambda),
            Seed = seed,
            Threads = threads,
        };
    }

    private static double LogUniform(Random random, double low, double high) =>
        Math.Exp(Math.Log(low) + (random.NextDouble() * (Math.Log(high) - Math.Log(low))));
}
