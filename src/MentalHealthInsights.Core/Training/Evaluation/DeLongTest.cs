using MathNet.Numerics.Distributions;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Training.Evaluation;

/// <summary>
/// DeLong, DeLong &amp; Clarke-Pearson (1988) tests for ROC AUC, computed with the fast algorithm
/// of Sun &amp; Xu (2014): the structural components (placement values) come from midranks, so
/// ties count one half and the cost is one sort per model, O(N log N). For positives i and
/// negatives j, V₁₀(i) = (#negatives below xᵢ + ½ #tied) / n and
/// V₀₁(j) = (#positives above yⱼ + ½ #tied) / m; AUC is their mean; the covariance of the AUCs is
/// S = S₁₀/m + S₀₁/n with S₁₀, S₀₁ the sample covariances (divisor m − 1, n − 1) of the V's across
/// models. p-values are two-sided from the standard normal. Needs at least two rows of each class;
/// otherwise every statistic is NaN.
/// </summary>
public static class DeLongTest
{
    /// <summary>
    /// Paired test of H0: AUC_A = AUC_B on the same rows. A constant score (the majority baseline)
    /// has AUC exactly 0.5 and zero variance, so comparing against it equals <see cref="OneSample"/>.
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="scoresA">Model A's finite scores.</param>
    /// <param name="scoresB">Model B's finite scores.</param>
    /// <param name="confidence">Coverage of the difference interval (default 0.95).</param>
    /// <exception cref="ArgumentException">Empty or mismatched input or a non-finite score.</exception>
    public static DeLongResult Compare(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scoresA,
        ReadOnlySpan<double> scoresB,
        double confidence = 0.95
    )
    {
        InputGuard.LabelsAndScores(labels, scoresA, nameof(scoresA));
        InputGuard.LabelsAndScores(labels, scoresB, nameof(scoresB));
        InputGuard.Confidence(confidence);

        var a = Placements.Compute(labels, scoresA);
        var b = Placements.Compute(labels, scoresB);
        if (!a.IsDefined)
        {
            return new DeLongResult(
                double.NaN,
                double.NaN,
                Interval.Undefined,
                double.NaN,
                double.NaN,
                double.NaN,
                a.M,
                a.N
            );
        }

        var variance =
            Placements.Covariance(a, a)
            + Placements.Covariance(b, b)
            - (2 * Placements.Covariance(a, b));
        var se = Math.Sqrt(Math.Max(variance, 0));
        var difference = a.Auc - b.Auc;
        var (z, p) = ZTest(difference, se);
        var half = Normal.InvCDF(0, 1, (1 + confidence) / 2) * se;
        return new DeLongResult(
            a.Auc,
            b.Auc,
            new Interval(difference, difference - half, difference + half),
            se,
            z,
            p,
            a.M,
            a.N
        );
    }

    /// <summary>
    /// Test of H0: AUC = 0.5 (no discrimination — what the majority baseline's constant score
    /// achieves) with the DeLong standard error, plus the interval AUC ± z·SE clipped to [0, 1].
    /// </summary>
    /// <param name="labels">True classes.</param>
    /// <param name="scores">Finite scores.</param>
    /// <param name="confidence">Coverage of the AUC interval (default 0.95).</param>
    /// <exception cref="ArgumentException">Empty or mismatched input or a non-finite score.</exception>
    public static DeLongOneSampleResult OneSample(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scores,
        double confidence = 0.95
    )
    {
        InputGuard.LabelsAndScores(labels, scores);
        InputGuard.Confidence(confidence);

        var a = Placements.Compute(labels, scores);
        if (!a.IsDefined)
        {
            return new DeLongOneSampleResult(
                Interval.Undefined,
                double.NaN,
                double.NaN,
                double.NaN,
                a.M,
                a.N
            );
        }

        var se = Math.Sqrt(Math.Max(Placements.Covariance(a, a), 0));
        var (z, p) = ZTest(a.Auc - 0.5, se);
        var half = Normal.InvCDF(0, 1, (1 + confidence) / 2) * se;
        return new DeLongOneSampleResult(
            new Interval(a.Auc, Math.Max(0, a.Auc - half), Math.Min(1, a.Auc + half)),
            se,
            z,
            p,
            a.M,
            a.N
        );
    }

    private static (double Z, double P) ZTest(double difference, double standardError)
    {
        if (difference == 0)
        {
            return (0, 1);
        }

        if (standardError == 0)
        {
            // Degenerate (e.g. perfect separation against a constant): no sampling variation at all.
            return (difference > 0 ? double.PositiveInfinity : double.NegativeInfinity, 0);
        }

        var z = difference / standardError;
        return (z, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }

    /// <summary>Placement values of one model, positives and negatives each in row order.</summary>
    private sealed class Placements
    {
        private Placements(double[] v10, double[] v01, long m, long n)
        {
            V10 = v10;
            V01 = v01;
            M = m;
            N = n;
            double sum = 0;
            foreach (var v in v10)
            {
                sum += v;
            }

            Auc = m == 0 ? double.NaN : sum / m;
        }

        public double[] V10 { get; }

        public double[] V01 { get; }

        public long M { get; }

        public long N { get; }

        public double Auc { get; }

        public bool IsDefined => M >= 2 && N >= 2;

        public static Placements Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
        {
            var groups = ScoreGroups.Build(labels, scores);
            long m = groups.TotalPositives,
                n = groups.TotalNegatives;

            // Per group: positives' V10 and negatives' V01 (midrank differences of Sun & Xu).
            var groupV10 = new double[groups.Count];
            var groupV01 = new double[groups.Count];
            long negativesAbove = 0,
                positivesAbove = 0;
            for (var g = 0; g < groups.Count; g++)
            {
                var negativesBelow = n - negativesAbove - groups.Negatives[g];
                groupV10[g] = (negativesBelow + (0.5 * groups.Negatives[g])) / n;
                groupV01[g] = (positivesAbove + (0.5 * groups.Positives[g])) / m;
                negativesAbove += groups.Negatives[g];
                positivesAbove += groups.Positives[g];
            }

            var v10 = new double[m];
            var v01 = new double[n];
            int i = 0,
                j = 0;
            for (var row = 0; row < labels.Length; row++)
            {
                var g = groups.GroupOfRow[row];
                if (labels[row])
                {
                    v10[i++] = groupV10[g];
                }
                else
                {
                    v01[j++] = groupV01[g];
                }
            }

            return new Placements(v10, v01, m, n);
        }

        /// <summary>Cov(AUC_x, AUC_y) = S₁₀/m + S₀₁/n (the same rows, so V's pair up by position).</summary>
        public static double Covariance(Placements x, Placements y) =>
            (SampleCovariance(x.V10, y.V10) / x.M) + (SampleCovariance(x.V01, y.V01) / x.N);

        private static double SampleCovariance(double[] x, double[] y)
        {
            double meanX = 0,
                meanY = 0;
            for (var k = 0; k < x.Length; k++)
            {
                meanX += x[k];
                meanY += y[k];
            }

            meanX /= x.Length;
            meanY /= y.Length;
            double sum = 0;
            for (var k = 0; k < x.Length; k++)
            {
                sum += (x[k] - meanX) * (y[k] - meanY);
            }

            return sum / (x.Length - 1);
        }
    }
}
