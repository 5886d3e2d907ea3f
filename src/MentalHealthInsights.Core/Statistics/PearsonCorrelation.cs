using MathNet.Numerics;

namespace MentalHealthInsights.Core.Statistics;

/// <summary>
/// Pearson's product-moment correlation matching <c>scipy.stats.pearsonr(x, y)</c> (SciPy 1.10):
/// two-pass centred sums, r clipped to [−1, 1], p = 2·P(B ≥ |r|) for B ~ Beta(n/2 − 1, n/2 − 1)
/// on [−1, 1], which equals I_{1−r²}((n − 2)/2, 1/2). Pairs where either value is NaN are dropped
/// (SciPy would return NaN).
/// </summary>
public static class PearsonCorrelation
{
    /// <summary>Correlates <paramref name="x"/> with <paramref name="y"/> over complete pairs.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static PearsonCorrelationResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x and y must have the same length.");
        }

        double sumX = 0;
        double sumY = 0;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                sumX += x[i];
                sumY += y[i];
                n++;
            }
        }

        if (n < 2)
        {
            return new PearsonCorrelationResult(double.NaN, double.NaN, n);
        }

        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                double dx = x[i] - meanX;
                double dy = y[i] - meanY;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }

        if (sxx == 0 || syy == 0)
        {
            return new PearsonCorrelationResult(double.NaN, double.NaN, n);
        }

        if (n == 2)
        {
            // Two distinct points lie on a line: r is exactly ±1 (SciPy returns the sign product).
            return new PearsonCorrelationResult(Math.Sign(sxy), 1.0, n);
        }

        double r = Math.Clamp(sxy / (Math.Sqrt(sxx) * Math.Sqrt(syy)), -1.0, 1.0);

        double oneMinusR2 = 1.0 - (r * r);
        double p =
            oneMinusR2 <= 0
                ? 0.0
                : SpecialFunctions.BetaRegularized((n - 2) / 2.0, 0.5, oneMinusR2);
        return new PearsonCorrelationResult(r, p, n);
    }
}
