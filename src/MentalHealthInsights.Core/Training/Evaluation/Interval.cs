namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>A point estimate with a confidence interval. All three are NaN when the quantity is undefined.</summary>
/// <param name="Estimate">The value on the original data (not the bootstrap mean).</param>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public readonly record struct Interval(double Estimate, double Lower, double Upper)
{
    /// <summary>An undefined interval.</summary>
    public static Interval Undefined { get; } = new(double.NaN, double.NaN, double.NaN);

    /// <summary>Upper − Lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>True when Lower &lt;= <paramref name="value"/> &lt;= Upper (false for NaN).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
