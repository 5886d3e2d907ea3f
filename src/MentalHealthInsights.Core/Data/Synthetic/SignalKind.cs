namespace MentalHealthInsights.Core.Data.Synthetic;

/// <summary>How the synthetic target relates to the features.</summary>
public enum SignalKind
{
    /// <summary>
    /// The target follows <see cref="PlantedModel"/>, a documented logistic model whose
    /// coefficients training should recover. The default.
    /// </summary>
    Planted,

    /// <summary>
    /// The target is Bernoulli(0.5), independent of every feature: a model trained on it must
    /// report that there is no signal.
    /// </summary>
    None,
}
