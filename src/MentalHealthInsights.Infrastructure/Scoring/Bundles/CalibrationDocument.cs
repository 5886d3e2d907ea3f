namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>The JSON shape of calibration.json: the method and its fitted parameters.</summary>
internal sealed class CalibrationDocument
{
    public string? Method { get; init; }

    public CalibrationParametersDocument? Parameters { get; init; }
}
