using System.Globalization;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// Hyper-parameters for a binary:logistic gradient-boosted tree model. Defaults are listed per
/// property; <see cref="Validate"/> runs at the start of training. The objective
/// (binary:logistic) and metric (logloss) are fixed: the model predicts P(condition = Yes).
/// </summary>
public sealed record XGBoostOptions
{
    /// <summary>Tree methods accepted by <see cref="TreeMethod"/>.</summary>
    public static IReadOnlyList<string> TreeMethods { get; } = ["hist", "approx", "exact"];

    /// <summary>Boosting rounds (trees). Default 200; 1–100,000.</summary>
    public int Rounds { get; init; } = 200;

    /// <summary>Maximum tree depth (<c>max_depth</c>). Default 4; 1–32.</summary>
    public int MaxDepth { get; init; } = 4;

    /// <summary>Shrinkage (<c>eta</c>). Default 0.1; in (0, 1].</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Row fraction sampled per tree (<c>subsample</c>). Default 1; in (0, 1].</summary>
    public double Subsample { get; init; } = 1.0;

    /// <summary>Column fraction sampled per tree (<c>colsample_bytree</c>). Default 1; in (0, 1].</summary>
    public double ColsampleByTree { get; init; } = 1.0;

    /// <summary>Minimum hessian sum in a child (<c>min_child_weight</c>). Default 1; ≥ 0.</summary>
    public double MinChildWeight { get; init; } = 1;

    /// <summary>L2 regularisation on leaf weights (<c>lambda</c>). Default 1; ≥ 0.</summary>
    public double Lambda { get; init; } = 1;

    /// <summary>L1 regularisation on leaf weights (<c>alpha</c>). Default 0; ≥ 0.</summary>
    public double Alpha { get; init; }

    /// <summary>Minimum loss reduction to split (<c>gamma</c>). Default 0; ≥ 0.</summary>
    public double Gamma { get; init; }

    /// <summary>Weight of the positive class (<c>scale_pos_weight</c>). Default 1; &gt; 0.</summary>
    public double ScalePosWeight { get; init; } = 1;

    /// <summary>Histogram bins per feature for hist/approx (<c>max_bin</c>). Default 256; 2–65,536.</summary>
    public int MaxBin { get; init; } = 256;

    /// <summary>Random seed (<c>seed</c>) for row and column sampling. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Native threads (<c>nthread</c>). Default 1: results do not depend on it, but on a loaded
    /// machine more threads can be far slower (see docs/xgboost.md). 1 to <see cref="MaxThreads"/>.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>The largest <see cref="Threads"/>: 1,024.</summary>
    public const int MaxThreads = 1024;

    /// <summary>Tree construction algorithm (<c>tree_method</c>): hist, approx or exact. Default "hist".</summary>
    public string TreeMethod { get; init; } = "hist";

    /// <summary>The defaults.</summary>
    public static XGBoostOptions Default { get; } = new();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> listing every out-of-range option (by property name)
    /// when any is invalid.
    /// </summary>
    public void Validate()
    {
        var errors = new List<string>();
        Require(Rounds is >= 1 and <= 100_000, "Rounds must be in 1–100000");
        Require(MaxDepth is >= 1 and <= 32, "MaxDepth must be in 1–32");
        Require(LearningRate is > 0 and <= 1, "LearningRate must be in (0, 1]");
        Require(Subsample is > 0 and <= 1, "Subsample must be in (0, 1]");
        Require(ColsampleByTree is > 0 and <= 1, "ColsampleByTree must be in (0, 1]");
        Require(IsNonNegative(MinChildWeight), "MinChildWeight must be finite and ≥ 0");
        Require(IsNonNegative(Lambda), "Lambda must be finite and ≥ 0");
        Require(IsNonNegative(Alpha), "Alpha must be finite and ≥ 0");
        Require(IsNonNegative(Gamma), "Gamma must be finite and ≥ 0");
        Require(
            double.IsFinite(ScalePosWeight) && ScalePosWeight > 0,
            "ScalePosWeight must be finite and > 0"
        );
        Require(MaxBin is >= 2 and <= 65_536, "MaxBin must be in 2–65536");
        Require(Threads is >= 1 and <= MaxThreads, $"Threads must be in 1–{MaxThreads}");
        Require(
            TreeMethod is not null && TreeMethods.Contains(TreeMethod, StringComparer.Ordinal),
            "TreeMethod must be one of: " + string.Join(", ", TreeMethods)
        );

        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "Invalid XGBoost options: " + string.Join("; ", errors) + "."
            );
        }

        void Require(bool condition, string message)
        {
            if (!condition)
            {
                errors.Add(message);
            }
        }

        static bool IsNonNegative(double value) => double.IsFinite(value) && value >= 0;
    }

    /// <summary>
    /// The parameters passed to <c>XGBoosterSetParam</c>, in a fixed order, values formatted with
    /// the invariant culture (round-trip doubles). The same pairs given to Python's
    /// <c>xgb.train(params, ...)</c> configure the same learner. Worth logging as run parameters.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToParameters() =>
        [
            new("booster", "gbtree"),
            new("objective", "binary:logistic"),
            new("eval_metric", "logloss"),
            new("tree_method", TreeMethod),
            new("max_depth", Format(MaxDepth)),
            new("eta", Format(LearningRate)),
            new("subsample", Format(Subsample)),
            new("colsample_bytree", Format(ColsampleByTree)),
            new("min_child_weight", Format(MinChildWeight)),
            new("lambda", Format(Lambda)),
            new("alpha", Format(Alpha)),
            new("gamma", Format(Gamma)),
            new("scale_pos_weight", Format(ScalePosWeight)),
            new("max_bin", Format(MaxBin)),
            new("seed", Format(Seed)),
            new("nthread", Format(Threads)),
            new("validate_parameters", "1"),
        ];

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
