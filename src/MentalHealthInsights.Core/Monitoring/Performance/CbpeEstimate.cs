namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>One estimated metric of one window.</summary>
/// <param name="Value">The CBPE estimate.</param>
/// <param name="StandardError">σ_ref / √(n·f_ref) (accuracy: σ_ref / √n).</param>
/// <param name="Lower">max(0, value − 3·SE): the sampling-error band.</param>
/// <param name="Upper">min(1, value + 3·SE).</param>
/// <param name="AlertLower">Lower alert threshold from reference chunks (NaN when unknown).</param>
/// <param name="AlertUpper">Upper alert threshold from reference chunks.</param>
/// <param name="Alert">value &lt; AlertLower or value &gt; AlertUpper (the band plays no part).</param>
public sealed record CbpeEstimate(
    double Value,
    double StandardError,
    double Lower,
    double Upper,
    double AlertLower,
    double AlertUpper,
    bool Alert
);
