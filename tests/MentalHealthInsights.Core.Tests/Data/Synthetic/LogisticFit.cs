namespace MentalHealthInsights.Core.Tests.Data.Synthetic;

/// <summary>
/// A small maximum-likelihood logistic regression (Newton–Raphson), written here so the tests
/// check the generator against independent code rather than against the trainer under test.
/// </summary>
internal static class LogisticFit
{
    /// <summary>Returns [intercept, β1..βk] for rows <paramref name="x"/> (n × k) and labels <paramref name="y"/>.</summary>
    public static double[] Fit(double[][] x, bool[] y, int iterations = 25)
    {
        var k = x[0].Length + 1;
        var beta = new double[k];
        var row = new double[k];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[k];
            var hessian = new double[k, k];
            for (var i = 0; i < x.Length; i++)
            {
                row[0] = 1.0;
                x[i].CopyTo(row, 1);
                var eta = 0.0;
                for (var j = 0; j < k; j++)
                {
                    eta += beta[j] * row[j];
                }

                var p = 1.0 / (1.0 + Math.Exp(-eta));
                var w = p * (1.0 - p);
                var residual = (y[i] ? 1.0 : 0.0) - p;
                for (var a = 0; a < k; a++)
                {
                    gradient[a] += residual * row[a];
                    for (var b = 0; b < k; b++)
                    {
                        hessian[a, b] += w * row[a] * row[b];
                    }
                }
            }

            var step = Solve(hessian, gradient);
            for (var j = 0; j < k; j++)
            {
                beta[j] += step[j];
            }

            if (step.Max(Math.Abs) < 1e-10)
            {
                break;
            }
        }

        return beta;
    }

    // Gaussian elimination with partial pivoting; the Hessian is small (k ≤ 10).
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (var c = 0; c < n; c++)
            {
                (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            }

            (v[col], v[pivot]) = (v[pivot], v[col]);
            for (var r = col + 1; r < n; r++)
            {
                var factor = m[r, col] / m[col, col];
                for (var c = col; c < n; c++)
                {
                    m[r, c] -= factor * m[col, c];
                }

                v[r] -= factor * v[col];
            }
        }

        var solution = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = v[r];
            for (var c = r + 1; c < n; c++)
            {
                sum -= m[r, c] * solution[c];
            }

            solution[r] = sum / m[r, r];
        }

        return solution;
    }
}
