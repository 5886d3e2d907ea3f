using System.Globalization;

namespace MentalHealthInsights.Core.Training.Metrics;

/// <summary>
/// How to choose the decision threshold on out-of-fold predictions. Create with
/// <see cref="MaxF1"/>, <see cref="ForRecall"/> or <see cref="ForPrecision"/>; the default is
/// <see cref="MaxF1"/>.
/// </summary>
public sealed record ThresholdStrategy
{
    private ThresholdStrategy(ThresholdObjective objective, double target)
    {
        Objective = objective;
        Target = target;
    }

    /// <summary>The objective.</summary>
    public ThresholdObjective Objective { get; }

    /// <summary>The target recall or precision in (0, 1]; NaN for <see cref="ThresholdObjective.MaxF1"/>.</summary>
    public double Target { get; }

    /// <summary>Maximise F1 (ties → the highest threshold).</summary>
    public static ThresholdStrategy MaxF1 { get; } = new(ThresholdObjective.MaxF1, double.NaN);

    /// <summary>The highest threshold with recall &gt;= <paramref name="recall"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recall"/> not in (0, 1].</exception>
    public static ThresholdStrategy ForRecall(double recall) =>
        new(ThresholdObjective.TargetRecall, ValidTarget(recall, nameof(recall)));

    /// <summary>The lowest threshold with precision &gt;= <paramref name="precision"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> not in (0, 1].</exception>
    public static ThresholdStrategy ForPrecision(double precision) =>
        new(ThresholdObjective.TargetPrecision, ValidTarget(precision, nameof(precision)));

    /// <summary>A stable text form for tracking params: <c>max_f1</c>, <c>target_recall:0.8</c>, <c>target_precision:0.9</c>.</summary>
    public override string ToString() =>
        Objective switch
        {
            ThresholdObjective.TargetRecall => "target_recall:"
                + Target.ToString("R", CultureInfo.InvariantCulture),
            ThresholdObjective.TargetPrecision => "target_precision:"
                + Target.ToString("R", CultureInfo.InvariantCulture),
            _ => "max_f1",
        };

    internal static double ValidTarget(double target, string name)
    {
        if (!(target > 0.0 && target <= 1.0))
        {
            throw new ArgumentOutOfRangeException(name, "A target rate must be within (0, 1].");
        }

        return target;
    }
}
