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
    /// The round counts every tree setting of the search is tried with (log-spaced, so that each
    /// learning rate meets a count that suits it): 50, 100, 200, 400.
    /// </summary>
    public static IReadOnlyList<int> SearchRoundCounts { get; } = [50, 100, 200, 400];

    /// <summary>
    /// Tree settings × round counts, so that the search can evaluate all the round counts of a
    /// setting with one fit (<see cref="SharedFitKey"/>): first the defaults (200 rounds), then
    /// the default tree setting with the other <see cref="SearchRoundCounts"/>, then seeded random
    /// tree settings — max_depth 2–6, eta 0.02–0.3 (log-uniform), subsample and colsample_bytree
    /// 0.6–1, min_child_weight 1–10 (log-uniform), lambda 0.1–10 (log-uniform) — each with every
    /// round count, cut at the budget (budget 20: five tree settings).
    /// </summary>
    public IReadOnlyList<HyperParameters> SearchSpace(int budget, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        var defaults = XGBoostOptions.Default;
        var defaultTree = HyperParameters
            .Empty.With("max_depth", defaults.MaxDepth)
            .With("eta", defaults.LearningRate)
            .With("subsample", defaults.Subsample)
            .With("colsample_bytree", defaults.ColsampleByTree)
            .With("min_child_weight", defaults.MinChildWeight)
            .With("lambda", defaults.Lambda);
        var configurations = new List<HyperParameters>
        {
            defaultTree.With("rounds", defaults.Rounds),
        };
        configurations.AddRange(
            SearchRoundCounts
                .Where(r => r != defaults.Rounds)
                .Select(r => defaultTree.With("rounds", r))
        );
        var trees = new HashSet<HyperParameters> { defaultTree };
        var random = new Random(seed);
        for (var attempt = 0; configurations.Count < budget && attempt < budget * 20; attempt++)
        {
            var tree = HyperParameters
                .Empty.With("max_depth", random.Next(2, 7))
                .With("eta", Math.Round(LogUniform(random, 0.02, 0.3), 4))
                .With("subsample", Math.Round(0.6 + (0.4 * random.NextDouble()), 2))
                .With("colsample_bytree", Math.Round(0.6 + (0.4 * random.NextDouble()), 2))
                .With("min_child_weight", Math.Round(LogUniform(random, 1, 10), 2))
                .With("lambda", Math.Round(LogUniform(random, 0.1, 10), 3));
            if (trees.Add(tree))
            {
                configurations.AddRange(SearchRoundCounts.Select(r => tree.With("rounds", r)));
            }
        }

        return configurations.Take(budget).ToList();
    }

    /// <summary>
    /// Every option but <c>rounds</c>: configurations that differ only in rounds share one fit
    /// in the search (the first k rounds of a longer fit are the k-round model).
    /// </summary>
    public string? SharedFitKey(HyperParameters hyperParameters)
    {
        var options = ToOptions(hyperParameters, 0) with { Rounds = 1 };
        return string.Join(";", options.ToParameters().Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>A <see cref="XGBoostSearchSession"/>: shared fold matrices and one fit per group.</summary>
    public ISearchSession BeginSearch(int seed) => new XGBoostSearchSession(this, seed);

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
        var labels = Labels(training);
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

    /// <summary>The 0/1 labels XGBoost's binary:logistic expects.</summary>
    internal static float[] Labels(FeatureMatrix training)
    {
        var labels = new float[training.Rows];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = training.Labels[i] ? 1f : 0f;
        }

        return labels;
    }

    private static double LogUniform(Random random, double low, double high) =>
        Math.Exp(Math.Log(low) + (random.NextDouble() * (Math.Log(high) - Math.Log(low))));
}
