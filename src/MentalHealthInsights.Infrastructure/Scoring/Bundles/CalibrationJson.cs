using System.Text.Json;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Training.Calibration;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>calibration.json ⇄ a calibrator: <c>{"method": "platt"|"isotonic", "parameters": {...}}</c>.</summary>
internal static class CalibrationJson
{
    public const string Platt = "platt";
    public const string Isotonic = "isotonic";
    public const string KnownNames = Platt + ", " + Isotonic;

    private const string File = ModelBundleLayout.CalibrationFile;

    public static string Name(CalibrationMethod method) =>
        method switch
        {
            CalibrationMethod.Platt => Platt,
            CalibrationMethod.Isotonic => Isotonic,
            _ => throw new ArgumentOutOfRangeException(
                nameof(method),
                method,
                "Unknown calibration method."
            ),
        };

    public static CalibrationMethod? ParseMethod(string name) =>
        name switch
        {
            Platt => CalibrationMethod.Platt,
            Isotonic => CalibrationMethod.Isotonic,
            _ => null,
        };

    /// <summary>The document of a calibrator whose parameters can be stored (Platt or isotonic).</summary>
    /// <exception cref="ArgumentException">Another ICalibrator implementation.</exception>
    public static byte[] Serialize(ICalibrator calibrator)
    {
        var document = calibrator switch
        {
            PlattCalibrator platt => new CalibrationDocument
            {
                Method = Platt,
                Parameters = new CalibrationParametersDocument
                {
                    A = platt.Parameters.A,
                    B = platt.Parameters.B,
                },
            },
            IsotonicCalibrator isotonic => new CalibrationDocument
            {
                Method = Isotonic,
                Parameters = new CalibrationParametersDocument
                {
                    Thresholds = [.. isotonic.Parameters.Thresholds],
                    Values = [.. isotonic.Parameters.Values],
                },
            },
            _ => throw new ArgumentException(
                $"A {calibrator.GetType().Name} cannot be stored in a bundle; only {nameof(PlattCalibrator)} and {nameof(IsotonicCalibrator)} can.",
                nameof(calibrator)
            ),
        };
        return JsonSerializer.SerializeToUtf8Bytes(
            document,
            ModelBundleJsonContext.Default.CalibrationDocument
        );
    }

    /// <summary>Parses calibration.json and rebuilds the calibrator; every failure names calibration.json.</summary>
    public static ICalibrator Parse(byte[] json, CalibrationMethod expected)
    {
        CalibrationDocument? document;
        try
        {
            document = BundleDocumentReader.Calibration(json);
        }
        catch (JsonException e)
        {
            throw Invalid($"not valid JSON or of the wrong shape ({e.Message}).", e);
        }

        if (document?.Method is not { } name || ParseMethod(name) is not { } method)
        {
            throw Invalid($"'method' is missing or not one of {KnownNames}.");
        }

        if (method != expected)
        {
            throw Invalid(
                $"the method is '{name}' but metadata.json says the model is calibrated with '{Name(expected)}'."
            );
        }

        var p = document.Parameters ?? throw Invalid("'parameters' is missing.");
        try
        {
            return method == CalibrationMethod.Platt
                ? new PlattCalibrator(
                    new PlattParameters(
                        p.A ?? throw Invalid("'parameters.a' is missing."),
                        p.B ?? throw Invalid("'parameters.b' is missing.")
                    )
                )
                : new IsotonicCalibrator(
                    new IsotonicParameters(
                        p.Thresholds ?? throw Invalid("'parameters.thresholds' is missing."),
                        p.Values ?? throw Invalid("'parameters.values' is missing.")
                    )
                );
        }
        catch (ArgumentException e)
        {
            // The calibrators' messages say what is wrong; drop .NET's " (Parameter 'x')" suffix.
            var reason = e.ParamName is null
                ? e.Message
                : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            throw Invalid("invalid parameters: " + reason, e);
        }
    }

    private static ModelBundleException Invalid(string problem, Exception? inner = null) =>
        new(ModelBundleErrorKind.CalibrationInvalid, File, problem, inner);
}
