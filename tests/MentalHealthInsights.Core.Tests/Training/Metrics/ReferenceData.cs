namespace MentalHealthInsights.Core.Tests.Training.Metrics;

/// <summary>
/// Fixed vectors shared by the metric and evaluation tests; their reference values come from
/// reference_values.py (scikit-learn 1.2.1 / numpy 1.24.2 / scipy 1.10.1, run once by hand).
/// </summary>
internal static class ReferenceData
{
    /// <summary>Tolerance for values checked against scikit-learn/numpy.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Six rows with a three-way tie at 0.4: labels [0,0,1,1,1,0].</summary>
    public static bool[] SixLabels => [false, false, true, true, true, false];

    /// <summary>Scores [0.1,0.4,0.4,0.8,0.4,0.2].</summary>
    public static double[] SixScores => [0.1, 0.4, 0.4, 0.8, 0.4, 0.2];

    /// <summary>Forty rows, 17 positive (numpy default_rng(20240601), see reference_values.py).</summary>
    public static bool[] Labels =>
        [
            false,
            false,
            false,
            false,
            true,
            false,
            false,
            false,
            false,
            false,
            true,
            true,
            false,
            false,
            false,
            false,
            true,
            true,
            false,
            true,
            false,
            true,
            true,
            true,
            true,
            true,
            false,
            false,
            true,
            true,
            false,
            false,
            true,
            true,
            true,
            false,
            false,
            true,
            false,
            false,
        ];

    /// <summary>An informative model, rounded to 0.1 (many ties, exact 0 and 1 included).</summary>
    public static double[] P =>
        [
            0.6,
            0.2,
            0.2,
            0.3,
            0.6,
            0.2,
            0.6,
            0.1,
            0.5,
            0.2,
            0.5,
            0.8,
            0.4,
            0.0,
            0.2,
            0.1,
            0.7,
            0.6,
            0.6,
            0.7,
            0.3,
            0.8,
            0.9,
            1.0,
            0.6,
            1.0,
            0.6,
            0.6,
            0.8,
            0.5,
            0.4,
            0.6,
            0.6,
            0.9,
            0.9,
            0.4,
            0.4,
            1.0,
            0.2,
            0.1,
        ];

    /// <summary>A weaker model, rounded to 0.01.</summary>
    public static double[] Q =>
        [
            0.08,
            0.23,
            0.17,
            0.42,
            0.92,
            0.34,
            0.78,
            0.01,
            0.43,
            0.59,
            0.71,
            0.86,
            0.84,
            0.55,
            0.67,
            0.74,
            0.62,
            0.69,
            0.16,
            0.46,
            0.73,
            0.77,
            0.58,
            0.92,
            0.73,
            0.39,
            0.84,
            0.64,
            0.62,
            0.78,
            0.32,
            0.02,
            0.91,
            0.76,
            0.78,
            0.77,
            0.09,
            0.67,
            0.4,
            0.05,
        ];
}
