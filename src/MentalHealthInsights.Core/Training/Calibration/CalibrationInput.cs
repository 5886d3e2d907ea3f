namespace MentalHealthInsights.Core.Training.Calibration;

/// <summary>Argument checks shared by the calibrators' Fit methods.</summary>
internal static class CalibrationInput
{
    public static void Check(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException(
                $"scores has {scores.Length} values but labels has {labels.Length}.",
                nameof(labels)
            );
        }
        if (scores.Length == 0)
        {
            throw new ArgumentException("A calibrator needs at least one score.", nameof(scores));
        }
        foreach (var s in scores)
        {
            if (!double.IsFinite(s))
            {
                throw new ArgumentException("Scores must be finite numbers.", nameof(scores));
            }
        }
    }
}
