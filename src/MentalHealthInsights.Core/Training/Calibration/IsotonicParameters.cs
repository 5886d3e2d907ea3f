namespace MentalHealthInsights.Core.Training.Calibration;

/// <summary>
/// The knots of a fitted isotonic regression, like scikit-learn's <c>X_thresholds_</c> and
/// <c>y_thresholds_</c>: strictly increasing <see cref="Thresholds"/> and non-decreasing
/// <see cref="Values"/> of the same length (at least one). Equality compares the contents.
/// </summary>
/// <param name="Thresholds">Score knots, strictly increasing.</param>
/// <param name="Values">Probability at each knot, non-decreasing, in [0, 1].</param>
public sealed record IsotonicParameters(IReadOnlyList<double> Thresholds, IReadOnlyList<double> Values)
{
    /// <inheritdoc />
    public bool Equals(IsotonicParameters? other) =>
        other is not null
        && Thresholds.SequenceEqual(other.Thresholds)
        && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var t in Thresholds)
        {
            hash.Add(t);
        }
        foreach (var v in Values)
        {
            hash.Add(v);
        }
        return hash.ToHashCode();
    }
}
