namespace MentalHealthInsights.Core.Features;

/// <summary>
/// The JSON shape of a <see cref="FittedPreprocessor"/> (schema version 1, docs/preprocessing.md).
/// Every member is nullable so that a missing field is reported by name, not as a
/// deserialiser error. Declaration order is the written order: schemaVersion comes first.
/// </summary>
internal sealed class PreprocessorDocument
{
    public int? SchemaVersion { get; init; }

    public FeatureSpecDocument? Spec { get; init; }

    public int? TrainingRowCount { get; init; }

    public int? OutputWidth { get; init; }

    public IReadOnlyList<PreprocessorColumnDocument?>? Columns { get; init; }

    public IReadOnlyList<string?>? OutputNames { get; init; }

    public IReadOnlyList<string?>? Notes { get; init; }
}
