namespace MentalHealthInsights.Core.Training.Calibration;

/// <summary>
/// Isotonic (non-decreasing) regression of the label on the score by pool-adjacent-violators,
/// applied with linear interpolation between knots and clipping outside them — the behaviour
/// of scikit-learn's <c>IsotonicRegression(out_of_bounds="clip")</c>, which
/// <c>CalibratedClassifierCV(method="isotonic")</c> uses. Equal scores are pooled first (their
/// mean label, weighted by count), as scikit-learn does.
/// </summary>
public sealed class IsotonicCalibrator : ICalibrator
{
    private readonly double[] _thresholds;
    private readonly double[] _values;

    /// <summary>Wraps already fitted knots (e.g. read back from a model bundle).</summary>
    public IsotonicCalibrator(IsotonicParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _thresholds = [.. parameters.Thresholds];
        _values = [.. parameters.Values];
        if (_thresholds.Length == 0 || _thresholds.Length != _values.Length)
        {
            throw new ArgumentException(
                "Isotonic knots need at least one threshold and one value per threshold.",
                nameof(parameters)
            );
        }
        for (var i = 0; i < _thresholds.Length; i++)
        {
            if (
                !double.IsFinite(_thresholds[i])
                || !double.IsFinite(_values[i])
                || (i > 0 && (_thresholds[i] <= _thresholds[i - 1] || _values[i] < _values[i - 1]))
            )
            {
                throw new ArgumentException(
                    "Isotonic thresholds must be finite and strictly increasing, values finite and non-decreasing.",
                    nameof(parameters)
                );
            }
        }
        Parameters = new IsotonicParameters(
            Array.AsReadOnly(_thresholds),
            Array.AsReadOnly(_values)
        );
    }

    /// <summary>The fitted knots.</summary>
    public IsotonicParameters Parameters { get; }

    /// <inheritdoc />
    public CalibrationMethod Method => CalibrationMethod.Isotonic;

    /// <summary>Fits the isotonic map on (score, label) pairs, typically out-of-fold predictions.</summary>
    /// <param name="scores">Raw scores (finite).</param>
    /// <param name="labels">Labels, same length, at least one.</param>
    public static IsotonicCalibrator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        CalibrationInput.Check(scores, labels);

        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var keys = scores.ToArray();
        // Array.Sort is not stable, but tied scores are pooled next, so their order is irrelevant.
        Array.Sort(keys, order);

        // Pool equal scores: unique x, weight = count, y = mean label.
        var x = new List<double>();
        var y = new List<double>();
        var w = new List<double>();
        for (var i = 0; i < keys.Length; )
        {
            var j = i;
            var positives = 0;
            while (j < keys.Length && keys[j] == keys[i])
            {
                positives += labels[order[j]] ? 1 : 0;
                j++;
            }
            x.Add(keys[i]);
            y.Add((double)positives / (j - i));
            w.Add(j - i);
            i = j;
        }

        // Pool adjacent violators over blocks [start, end) of unique x.
        var blockStart = new List<int>();
        var blockValue = new List<double>();
        var blockWeight = new List<double>();
        for (var i = 0; i < x.Count; i++)
        {
            blockStart.Add(i);
            blockValue.Add(y[i]);
            blockWeight.Add(w[i]);
            while (blockValue.Count > 1 && blockValue[^2] >= blockValue[^1])
            {
                var weight = blockWeight[^2] + blockWeight[^1];
                var value = (blockValue[^2] * blockWeight[^2] + blockValue[^1] * blockWeight[^1]) / weight;
                blockStart.RemoveAt(blockStart.Count - 1);
                blockValue.RemoveAt(blockValue.Count - 1);
                blockWeight.RemoveAt(blockWeight.Count - 1);
                blockValue[^1] = value;
                blockWeight[^1] = weight;
            }
        }

        // Knots: the first and last score of each block (interior points add nothing to the
        // interpolation, which is also why scikit-learn drops them).
        var thresholds = new List<double>();
        var values = new List<double>();
        for (var b = 0; b < blockStart.Count; b++)
        {
            var first = blockStart[b];
            var last = b + 1 < blockStart.Count ? blockStart[b + 1] - 1 : x.Count - 1;
            thresholds.Add(x[first]);
            values.Add(blockValue[b]);
            if (last != first)
            {
                thresholds.Add(x[last]);
                values.Add(blockValue[b]);
            }
        }
        return new IsotonicCalibrator(new IsotonicParameters(thresholds, values));
    }

    /// <inheritdoc />
    public double Apply(double score)
    {
        if (double.IsNaN(score))
        {
            return double.NaN;
        }
        if (score <= _thresholds[0])
        {
            return _values[0];
        }
        if (score >= _thresholds[^1])
        {
            return _values[^1];
        }
        var index = Array.BinarySearch(_thresholds, score);
        if (index >= 0)
        {
            return _values[index];
        }
        var upper = ~index;
        var lower = upper - 1;
        var fraction = (score - _thresholds[lower]) / (_thresholds[upper] - _thresholds[lower]);
        return _values[lower] + fraction * (_values[upper] - _values[lower]);
    }
}
