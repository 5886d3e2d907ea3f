namespace MentalHealthInsights.Core.Statistics;

/// <summary>
/// Benjamini–Hochberg false-discovery-rate control. Adjusted p-values are
/// p̃_(i) = min_{j ≥ i} min(1, m · p_(j) / j) over the m non-NaN p-values sorted ascending, as
/// R's <c>p.adjust(p, "BH")</c> and SciPy ≥ 1.11's <c>false_discovery_control(p, method='bh')</c>
/// compute them. Rejecting p̃ ≤ α controls the false discovery rate at α for independent or
/// positively dependent tests.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>
    /// Adjusted p-values in the input order. NaN inputs stay NaN and do not count in m.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A p-value lies outside [0, 1].</exception>
    public static double[] Adjust(ReadOnlySpan<double> pValues)
    {
        var adjusted = new double[pValues.Length];
        var order = new List<int>(pValues.Length);
        for (int i = 0; i < pValues.Length; i++)
        {
            double p = pValues[i];
            adjusted[i] = double.NaN;
            if (double.IsNaN(p))
            {
                continue;
            }

            if (p is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(pValues),
                    "p-values must lie in [0, 1]."
                );
            }

            order.Add(i);
        }

        var values = pValues.ToArray();

        // Stable order keeps ties in input order; ties get equal adjusted values either way.
        order.Sort(
            (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : a.CompareTo(b)
        );
        int m = order.Count;
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--)
        {
            int index = order[rank - 1];
            running = Math.Min(running, (double)m / rank * values[index]);
            adjusted[index] = running;
        }

        return adjusted;
    }

    /// <summary>True where the adjusted p-value is at most <paramref name="alpha"/> (NaN is never rejected).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not in (0, 1).</exception>
    public static bool[] Reject(ReadOnlySpan<double> pValues, double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "alpha must lie in (0, 1).");
        }

        return [.. Adjust(pValues).Select(p => p <= alpha)];
    }
}
