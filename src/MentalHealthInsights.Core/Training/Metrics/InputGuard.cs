namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// Boundary checks shared by every metric. Messages name the parameter and an index, never a
/// value: the rows describe people's mental health.
/// </summary>
internal static class InputGuard
{
    public static void LabelsAndProbabilities(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> probabilities,
        string probabilitiesName = "probabilities"
    )
    {
        SameNonZeroLength(labels, probabilities, probabilitiesName);
        Probabilities(probabilities, probabilitiesName);
    }

    public static void LabelsAndScores(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scores,
        string scoresName = "scores"
    )
    {
        SameNonZeroLength(labels, scores, scoresName);
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException(
                    $"{scoresName} must be finite; entry {i} is not.",
                    scoresName
                );
            }
        }
    }

    public static void Probabilities(ReadOnlySpan<double> probabilities, string name)
    {
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            // The negated comparison also rejects NaN.
            if (!(p >= 0.0 && p <= 1.0))
            {
                throw new ArgumentException(
                    $"{name} must be finite and within [0, 1]; entry {i} is not.",
                    name
                );
            }
        }
    }

    public static void Threshold(double threshold, string name = "threshold")
    {
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException($"{name} must not be NaN.", name);
        }
    }

    public static void Confidence(double confidence, string name = "confidence")
    {
        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(name, "Confidence must be within (0, 1).");
        }
    }

    private static void SameNonZeroLength(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> values,
        string valuesName
    )
    {
        if (labels.Length == 0)
        {
            throw new ArgumentException("labels must not be empty.", nameof(labels));
        }

        if (labels.Length != values.Length)
        {
            throw new ArgumentException(
                $"{valuesName} has {values.Length} entries but labels has {labels.Length}; they must have the same length.",
                valuesName
            );
        }
    }
}
