using MentalHealthInsights.Core.Training.Baseline;
using MentalHealthInsights.Infrastructure.Training.MlNet;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// The model formats a bundle may hold, registered by name (DESIGN.md §5.10): one entry per
/// format with its file name and loader. ML.NET zips hold several algorithms, so that loader
/// dispatches on the trainer name recorded in metadata.json.
/// </summary>
internal static class ModelFormatRegistry
{
    private static readonly ModelFormatLoader[] Loaders =
    [
        new(
            MajorityBaselineModel.FormatName,
            "model.baseline.json",
            [MajorityBaselineTrainer.TrainerName],
            static (stream, _, _) => MajorityBaselineModel.Load(stream)
        ),
        new(
            LogisticRegressionModel.FormatName,
            "model.zip",
            [LogisticRegressionTrainer.TrainerName, RandomForestTrainer.TrainerName],
            static (stream, trainer, _) =>
                trainer == RandomForestTrainer.TrainerName
                    ? RandomForestModel.Load(stream)
                    : LogisticRegressionModel.Load(stream)
        ),
        new(
            "xgboost-json",
            "model.json",
            ["xgb"],
            static (stream, _, options) => XGBoostBinaryModel.Load(stream, options.XGBoostThreads)
        ),
    ];

    /// <summary>The registered format names, sorted ordinally.</summary>
    public static IReadOnlyList<string> Formats { get; } =
        Array.AsReadOnly(Loaders.Select(l => l.Format).Order(StringComparer.Ordinal).ToArray());

    /// <summary>The loader of <paramref name="format"/>, or null when the format is not registered.</summary>
    public static ModelFormatLoader? Find(string format) =>
        Array.Find(Loaders, l => string.Equals(l.Format, format, StringComparison.Ordinal));
}
