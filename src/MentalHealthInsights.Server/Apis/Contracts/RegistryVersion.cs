namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>A registered model version as the model page shows it.</summary>
internal sealed record RegistryVersion
{
    public required int Version { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public string? RunId { get; init; }
    public string? ModelType { get; init; }
    public string? Promotion { get; init; }
    public required DateTimeOffset CreatedAtUtc { get; init; }
    public required IReadOnlyDictionary<string, double> TestMetrics { get; init; }

    /// <summary>Ranked key indicators from the training run's training.json; empty when not available.</summary>
    public IReadOnlyList<KeyIndicatorItem> KeyIndicators { get; init; } = [];

    /// <summary>
    /// The training report's plots that concern this version (SVG, served by the API): the
    /// training's ROC, precision–recall and calibration charts and the model's own importance,
    /// odds-ratio and SHAP charts; empty when not available.
    /// </summary>
    public IReadOnlyList<TrainingPlotItem> Plots { get; init; } = [];
}
