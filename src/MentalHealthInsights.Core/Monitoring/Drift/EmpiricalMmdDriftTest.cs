namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// "empirical_mmd": the unbiased empirical maximum mean discrepancy with a Gaussian kernel and a
/// permutation p-value, as Evidently computes it. Squared distances are y² − 2xy + x²; the
/// bandwidth is σ = √(½ · median) of the reference's squared pairwise distances (numpy's
/// "nearest" percentile over the full n_r×n_r matrix, diagonal included; √½ when that is 0) and is
/// used for every block; k = exp(−d / (2σ²)) with the diagonal set to 0;
/// MMD² = ΣK_rr / (n_r(n_r−1)) + ΣK_cc / (n_c(n_c−1)) − 2·mean(K_rc). The p-value is the share
/// of 100 random relabellings (a full shuffle of reference followed by current; the first n_r
/// are the new reference) whose MMD² is ≥ the observed one. Evidently draws them from numpy's
/// unseeded global generator, so its p-value changes from run to run; here the generator is
/// numpy's seeded with 0 (<see cref="NumpyLegacyRandom"/>), reproducible, and equal to Evidently
/// after <c>np.random.seed(0)</c> with each sample in ascending order. The kernel matrix is
/// quadratic in size, so at most <see cref="MaxValues"/> values (reference + current) are
/// accepted; more is a <see cref="DriftTestNotApplicableException"/> (subsample first). Each
/// sample needs two values. Drift when p &lt; 0.1.
/// </summary>
public sealed class EmpiricalMmdDriftTest : IDriftTest
{
    /// <summary>Permutations (Evidently's 100).</summary>
    public const int Permutations = 100;

    /// <summary>The most values (reference + current) accepted: the triangle of the kernel matrix takes 8·n²/2 bytes (64 MB here).</summary>
    public const int MaxValues = 4000;

    /// <inheritdoc />
    public string Name => "empirical_mmd";

    /// <inheritdoc />
    public double DefaultThreshold => 0.1;

    /// <inheritdoc />
    public DriftComparison Comparison => DriftComparison.PValueBelow;

    /// <inheritdoc />
    public DriftTestScore Compute(DriftSample reference, DriftSample current, DriftColumnKind kind)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        int nx = reference.Count;
        int ny = current.Count;
        if (nx < 2 || ny < 2)
        {
            throw new DriftTestNotApplicableException(
                $"empirical_mmd needs at least 2 values on each side; reference has {nx}, current {ny}."
            );
        }
        if ((long)nx + ny > MaxValues)
        {
            throw new DriftTestNotApplicableException(
                $"empirical_mmd builds a quadratic kernel matrix and accepts at most {MaxValues} values; reference and current hold {(long)nx + ny}. Subsample, or choose another test."
            );
        }
        int n = nx + ny;
        var z = new double[n];
        reference.Values.CopyTo(z, 0);
        current.Values.CopyTo(z, nx);

        // Upper triangle, i < j, row-major: first the squared distances, computed once (the
        // reference block, copied aside, gives the bandwidth), then turned into the kernel in
        // place in one walk that also gives the row sums (j ≠ i) and the three block sums.
        var kernel = new double[(long)n * (n - 1) / 2];
        var referenceDistances = new double[(long)nx * (nx - 1) / 2];
        long at = 0;
        long inReference = 0;
        for (int i = 0; i < n; i++)
        {
            double zi = z[i];
            double zi2 = zi * zi;
            for (int j = i + 1; j < n; j++)
            {
                double zj = z[j];
                double dist = zj * zj - 2 * (zi * zj) + zi2;
                kernel[at++] = dist;
                if (j < nx)
                {
                    referenceDistances[inReference++] = dist;
                }
            }
        }
        double sigma = Bandwidth(referenceDistances, nx);
        double gamma = 1.0 / (2.0 * sigma * sigma);

        var rowSums = new double[n];
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        at = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double k = Math.Exp(-gamma * kernel[at]);
                kernel[at++] = k;
                rowSums[i] += k;
                rowSums[j] += k;
                if (j < nx)
                {
                    sxx += k;
                }
                else if (i >= nx)
                {
                    syy += k;
                }
                else
                {
                    sxy += k;
                }
            }
        }
        double totalSum = 0;
        foreach (double s in rowSums)
        {
            totalSum += s;
        }
        double a = 1.0 / ((double)nx * (nx - 1));
        double b = 1.0 / ((double)ny * (ny - 1));

        double observed = a * 2 * sxx + b * 2 * syy - 2.0 * sxy / ((double)nx * ny);

        var random = new NumpyLegacyRandom(0);
        var index = new int[n];
        var members = new int[Math.Min(nx, ny)];
        int atLeast = 0;
        for (int p = 0; p < Permutations; p++)
        {
            for (int i = 0; i < n; i++)
            {
                index[i] = i;
            }
            random.Shuffle(index.AsSpan());
            // Sum over the smaller group only; the other blocks follow from the row sums.
            bool xSmaller = nx <= ny;
            var group = xSmaller ? index.AsSpan(0, nx) : index.AsSpan(nx);
            group.CopyTo(members);
            Array.Sort(members);
            double within = 0;
            double rows = 0;
            for (int u = 0; u < members.Length; u++)
            {
                int i = members[u];
                rows += rowSums[i];
                long rowStart = (long)i * (2L * n - i - 1) / 2 - i - 1;
                for (int v = u + 1; v < members.Length; v++)
                {
                    within += kernel[rowStart + members[v]];
                }
            }
            double cross = rows - 2 * within;
            double other = (totalSum - 2 * cross - 2 * within) / 2;
            double permX = xSmaller ? within : other;
            double permY = xSmaller ? other : within;
            double permuted = a * 2 * permX + b * 2 * permY - 2.0 * cross / ((double)nx * ny);
            if (observed <= permuted)
            {
                atLeast++;
            }
        }
        return new DriftTestScore((double)atLeast / Permutations, observed);
    }

    /// <summary>
    /// σ = √(½ · the "nearest" 50th percentile of the n×n squared distances of the reference), the
    /// diagonal's n zeros included; √½ when it is 0.
    /// </summary>
    internal static double Bandwidth(double[] x)
    {
        int n = x.Length;
        // Each off-diagonal distance appears twice in the full matrix, the diagonal's zeros once.
        var half = new double[(long)n * (n - 1) / 2];
        long at = 0;
        for (int i = 0; i < n; i++)
        {
            double xi2 = x[i] * x[i];
            for (int j = i + 1; j < n; j++)
            {
                half[at++] = x[j] * x[j] - 2 * (x[i] * x[j]) + xi2;
            }
        }
        return Bandwidth(half, n);
    }

    /// <summary>
    /// <see cref="Bandwidth(double[])"/> from the n(n−1)/2 squared distances i &lt; j of the
    /// reference (any order; sorted here, in place).
    /// </summary>
    private static double Bandwidth(double[] half, int n)
    {
        Array.Sort(half);
        long count = (long)n * n;
        long k = (long)Math.Round((count - 1) * 0.5, MidpointRounding.ToEven);
        long negatives = 0;
        while (negatives < half.Length && half[negatives] < 0)
        {
            negatives++;
        }
        double median;
        if (k < 2 * negatives)
        {
            median = half[k / 2];
        }
        else if (k < 2 * negatives + n)
        {
            median = 0;
        }
        else
        {
            median = half[negatives + (k - 2 * negatives - n) / 2];
        }
        double sigma = Math.Sqrt(0.5 * median);
        return sigma == 0 ? Math.Sqrt(0.5) : sigma;
    }
}
