namespace MentalHealthInsights.Core.Training.Calibration;

/// <summary>
/// Platt scaling (Platt 1999) fitted by the Newton method with backtracking line search of
/// Lin, Lin and Weng (2007), "A note on Platt's probabilistic outputs for support vector
/// machines" — the algorithm behind LIBSVM and, up to the optimiser, scikit-learn's
/// <c>_sigmoid_calibration</c>. Targets are smoothed as Platt proposed:
/// <c>(N₊ + 1) / (N₊ + 2)</c> for positives and <c>1 / (N₋ + 2)</c> for negatives, which keeps
/// the fit finite on separable data. The objective is convex, so the result is the unique
/// maximum-likelihood solution; the iteration cap makes the cost bounded and the fixed
/// summation order makes it deterministic.
/// </summary>
public sealed class PlattCalibrator : ICalibrator
{
    /// <summary>Default cap on Newton iterations (convergence usually takes under 10).</summary>
    public const int DefaultMaxIterations = 100;

    private const double MinimumStep = 1e-10;
    private const double HessianRidge = 1e-12;

    /// <summary>Wraps already fitted parameters (e.g. read back from a model bundle).</summary>
    public PlattCalibrator(PlattParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!double.IsFinite(parameters.A) || !double.IsFinite(parameters.B))
        {
            throw new ArgumentException("Platt parameters must be finite.", nameof(parameters));
        }
        Parameters = parameters;
    }

    /// <summary>The fitted sigmoid.</summary>
    public PlattParameters Parameters { get; }

    /// <inheritdoc />
    public CalibrationMethod Method => CalibrationMethod.Platt;

    /// <summary>
    /// Fits the sigmoid on (score, label) pairs, typically out-of-fold predictions.
    /// </summary>
    /// <param name="scores">Raw scores (finite).</param>
    /// <param name="labels">Labels, same length, at least one.</param>
    /// <param name="maxIterations">Newton iteration cap (default <see cref="DefaultMaxIterations"/>).</param>
    public static PlattCalibrator Fit(
        ReadOnlySpan<double> scores,
        ReadOnlySpan<bool> labels,
        int maxIterations = DefaultMaxIterations
    )
    {
        CalibrationInput.Check(scores, labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);

        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }
        var negatives = labels.Length - positives;
        var highTarget = (positives + 1.0) / (positives + 2.0);
        var lowTarget = 1.0 / (negatives + 2.0);

        var a = 0.0;
        var b = Math.Log((negatives + 1.0) / (positives + 1.0));
        var value = Objective(scores, labels, highTarget, lowTarget, a, b);
        // Stop when the gradient is negligible relative to the sample size: Newton converges
        // quadratically, so this costs one or two extra iterations at most.
        var tolerance = 1e-12 * scores.Length;

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double h11 = HessianRidge,
                h22 = HessianRidge,
                h21 = 0,
                g1 = 0,
                g2 = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var f = scores[i];
                var p = Sigmoid(-(a * f + b));
                var d2 = p * (1 - p);
                h11 += f * f * d2;
                h22 += d2;
                h21 += f * d2;
                var d1 = (labels[i] ? highTarget : lowTarget) - p;
                g1 += f * d1;
                g2 += d1;
            }
            if (Math.Abs(g1) < tolerance && Math.Abs(g2) < tolerance)
            {
                break;
            }

            var det = h11 * h22 - h21 * h21;
            var da = -(h22 * g1 - h21 * g2) / det;
            var db = -(-h21 * g1 + h11 * g2) / det;
            var descent = g1 * da + g2 * db;

            var step = 1.0;
            while (step >= MinimumStep)
            {
                var newA = a + step * da;
                var newB = b + step * db;
                var newValue = Objective(scores, labels, highTarget, lowTarget, newA, newB);
                if (newValue < value + 1e-4 * step * descent)
                {
                    a = newA;
                    b = newB;
                    value = newValue;
                    break;
                }
                step /= 2;
            }
            if (step < MinimumStep)
            {
                // No decrease possible in floating point: we are at the optimum's precision.
                break;
            }
        }
        return new PlattCalibrator(new PlattParameters(a, b));
    }

    /// <inheritdoc />
    public double Apply(double score) => Sigmoid(-(Parameters.A * score + Parameters.B));

    private static double Objective(
        ReadOnlySpan<double> scores,
        ReadOnlySpan<bool> labels,
        double highTarget,
        double lowTarget,
        double a,
        double b
    )
    {
        // Cross-entropy written so that exp never overflows.
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var t = labels[i] ? highTarget : lowTarget;
            var z = a * scores[i] + b;
            sum += z >= 0 ? t * z + Math.Log(1 + Math.Exp(-z)) : (t - 1) * z + Math.Log(1 + Math.Exp(z));
        }
        return sum;
    }

    private static double Sigmoid(double x) =>
        x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
