using System.Text.Json.Serialization;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>
/// A calibrator's parameters: <c>a</c> and <c>b</c> for Platt scaling
/// (<c>p = 1 / (1 + exp(a·score + b))</c>), <c>thresholds</c> and <c>values</c> (the knots) for
/// isotonic regression. Only the method's own fields are written.
/// </summary>
internal sealed class CalibrationParametersDocument
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? A { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? B { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? Thresholds { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? Values { get; init; }
}
