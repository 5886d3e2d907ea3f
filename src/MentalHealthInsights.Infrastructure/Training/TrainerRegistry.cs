using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Infrastructure.Training.MlNet;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Training;

/// <summary>
/// Trainers by registry name (DESIGN.md §5.10): "baseline" (always trained), "lr", "rf", "xgb".
/// The one place that knows every algorithm.
/// </summary>
public static class TrainerRegistry
{
    /// <summary>The selectable models, in report order (the baseline is implicit).</summary>
    public static IReadOnlyList<string> ModelNames { get; } = ["lr", "rf", "xgb"];

    /// <summary>
    /// The baseline plus the named trainers. Unknown names are an error naming the valid ones.
    /// <paramref name="threads"/> is passed to trainers that support native threads (rf, xgb).
    /// </summary>
    public static IReadOnlyList<IBinaryTrainer> Create(IEnumerable<string> names, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(names);
        var trainers = new List<IBinaryTrainer> { new MajorityBaselineTrainer() };
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            trainers.Add(
                name switch
                {
                    "lr" => new LogisticRegressionTrainer(),
                    "rf" => new RandomForestTrainer(threads),
                    "xgb" => new XGBoostTrainer(threads),
                    "baseline" => throw new ArgumentException(
                        "The baseline is always trained; do not list it.",
                        nameof(names)
                    ),
                    _ => throw new ArgumentException(
                        $"Unknown model '{name}'; choose from {string.Join(", ", ModelNames)}.",
                        nameof(names)
                    ),
                }
            );
        }
        return trainers;
    }
}
