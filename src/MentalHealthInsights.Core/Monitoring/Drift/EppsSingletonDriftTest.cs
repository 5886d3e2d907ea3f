using MathNet.Numerics.LinearAlgebra;
using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "es": the Epps–Singleton two-sample test as <c>scipy.stats.epps_singleton_2samp(r, c)</c>
/// with its default t = (0.4, 0.8): the empirical characteristic functions at t / (IQR/2) of the
/// pooled sample, the weighted covariance (n/n_r)·Σ_r + (n/n_c)·Σ_c (biased), its
/// pseudo-inverse (SVD, singular values ≤ 10⁻¹⁵·max dropped), W = n·gᵀ Σ⁺ g, the small-sample
/// factor when both sizes are below 25, and p = χ²_sf(W, rank). An interquartile range of 0
/// (Evidently raises) or fewer than 5 values on a side (SciPy raises) is a
/// <see cref="DriftTestNotApplicableException"/>. Drift when p &lt; 0.05.
/// </summary>
public sealed class EppsSingletonDriftTest : IDriftTest
{
    private static readonly double[] T = [0.4, 0.8];

    /// <inheritdoc />
    public string Name => "es";

    /// <inheritdoc />
    public double DefaultThreshold => 0.05;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var x = reference.Values;
        var y = current.Values;
        int nx = x.Length;
        int ny = y.Length;
        if (nx < 5 || ny < 5)
        {
            throw new DriftTestNotApplicableException(
                $"es needs at least 5 values on each side; reference has {nx}, current {ny}."
            );
        }
        double iqr = InterquartileRange(x, y);
        if (iqr == 0)
        {
            throw new DriftTestNotApplicableException(
                "es is undefined: the interquartile range of reference and current together is 0."
            );
        }
        double sigma = iqr / 2;
        int d = 2 * T.Length;
        var ts = new double[T.Length];
        for (int k = 0; k < T.Length; k++)
        {
            ts[k] = T[k] / sigma;
        }
        var (meanX, covX) = Moments(x, ts);
        var (meanY, covY) = Moments(y, ts);
        double n = nx + ny;
        var cov = Matrix<double>.Build.Dense(d, d);
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                cov[a, b] = n / nx * covX[a, b] + n / ny * covY[a, b];
            }
        }
        var (inverse, rank) = PseudoInverse(cov);
        var g = Vector<double>.Build.Dense(d, k => meanX[k] - meanY[k]);
        double w = n * g.DotProduct(inverse * g);
        if (Math.Max(nx, ny) < 25)
        {
            double correction =
                1.0 / (1.0 + Math.Pow(n, -0.45) + 10.1 * (Math.Pow(nx, -1.7) + Math.Pow(ny, -1.7)));
            w *= correction;
        }
        return new DriftTestScore(ChiSquareDriftTest.PValue(w, rank), w);
    }

    /// <summary>Linear-interpolation IQR of the pooled sorted samples (<c>scipy.stats.iqr</c>).</summary>
    internal static double InterquartileRange(double[] sortedX, double[] sortedY)
    {
        var pooled = new double[sortedX.Length + sortedY.Length];
        sortedX.CopyTo(pooled, 0);
        sortedY.CopyTo(pooled, sortedX.Length);
        Array.Sort(pooled);
        return SummaryStatistics.Quantile(pooled, 0.75) - SummaryStatistics.Quantile(pooled, 0.25);
    }

    // Mean vector and biased covariance of (cos t₁x, cos t₂x, sin t₁x, sin t₂x).
    private static (double[] Mean, double[,] Covariance) Moments(double[] values, double[] ts)
    {
        int d = 2 * ts.Length;
        int n = values.Length;
        var g = new double[n, d];
        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < ts.Length; k++)
            {
                double arg = ts[k] * values[i];
                g[i, k] = Math.Cos(arg);
                g[i, ts.Length + k] = Math.Sin(arg);
            }
            for (int a = 0; a < d; a++)
            {
                mean[a] += g[i, a];
            }
        }
        for (int a = 0; a < d; a++)
        {
            mean[a] /= n;
        }
        var cov = new double[d, d];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < d; a++)
            {
                double da = g[i, a] - mean[a];
                for (int b = a; b < d; b++)
                {
                    cov[a, b] += da * (g[i, b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++)
        {
            for (int b = a; b < d; b++)
            {
                cov[a, b] /= n;
                cov[b, a] = cov[a, b];
            }
        }
        return (mean, cov);
    }

    // numpy.linalg.pinv (rcond 1e-15) and matrix_rank of the result (tol = max σ · dim · eps).
    private static (Matrix<double> Inverse, int Rank) PseudoInverse(Matrix<double> matrix)
    {
        var svd = matrix.Svd(computeVectors: true);
        var s = svd.S;
        double cutoff = 1e-15 * s.Maximum();
        var inverted = new double[s.Count];
        for (int k = 0; k < s.Count; k++)
        {
            inverted[k] = s[k] > cutoff ? 1.0 / s[k] : 0.0;
        }
        var inverse =
            svd.VT.Transpose()
            * Matrix<double>.Build.DenseOfDiagonalArray(inverted)
            * svd.U.Transpose();
        double largest = inverted.Max();
        // Machine epsilon of double (numpy's finfo(float64).eps).
        double tolerance = largest * matrix.RowCount * 2.220446049250313e-16;
        int rank = inverted.Count(v => v > tolerance);
        return (inverse, rank);
    }
}
