namespace MentalHealthInsights.Core.Features;

/// <summary>How a feature column is preprocessed.</summary>
public enum FeatureKind
{
    /// <summary>Median-imputed, then standard-scaled: one output slot.</summary>
    Numeric,

    /// <summary>One-hot encoded over the training levels plus one "&lt;unknown&gt;" slot.</summary>
    Categorical,
}
