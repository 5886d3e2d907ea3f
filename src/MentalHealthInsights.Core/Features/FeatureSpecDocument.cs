namespace MentalHealthInsights.Core.Features;

/// <summary>The JSON shape of a <see cref="FeatureSpec"/> inside a <see cref="PreprocessorDocument"/>.</summary>
internal sealed class FeatureSpecDocument
{
    public IReadOnlyList<string?>? Features { get; init; }

    public string? Target { get; init; }
}
