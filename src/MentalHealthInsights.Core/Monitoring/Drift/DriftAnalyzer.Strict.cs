using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Monitoring.Drift;

public static partial class DriftAnalyzer
{
    /// <summary>
    /// One column under the strict profile: PSI on the fixed reference bins (Evidently's zero
    /// replacement) as the effect size, and a p-value — two-sided KS for numerical columns,
    /// the 2×K chi-square test of homogeneity on the reference bins (no continuity correction; new
    /// categories share the "unseen" bin, so the statistic stays finite) for categorical columns.
    /// The verdict uses p &lt; q and PSI ≥ threshold; for features the p-value is BH-adjusted later.
    /// </summary>
    public static ColumnDriftResult AnalyzeStrict(
        MonitoringColumn reference,
        MonitoringColumn current,
        DriftOptions options,
        ReferenceProfile profile
    ) => AnalyzeStrict(reference, current, options, profile, null, distributions: true);

    private static ColumnDriftResult AnalyzeStrict(
        MonitoringColumn reference,
        MonitoringColumn current,
        DriftOptions options,
        ReferenceProfile profile,
        ReferenceSampleCache? cache,
        bool distributions
    )
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(profile);
        var bins =
            profile.For(reference.Name) is { } saved && saved.Kind == reference.Kind
                ? saved
                : ReferenceProfile.BuildColumn(reference, options.ReferenceBins);
        var prepared = PreparedColumn.Create(reference, current, cache);
        var (r, c) = (prepared.Reference, prepared.Current);
        long[] referenceCounts = [.. bins.ReferenceCounts];
        long[] currentCounts = bins.Count(current);
        long referenceTotal = referenceCounts.Sum();
        long currentTotal = currentCounts.Sum();
        var referenceShares = referenceCounts
            .Select(n => referenceTotal == 0 ? 0 : (double)n / referenceTotal)
            .ToArray();
        var currentShares = currentCounts
            .Select(n => currentTotal == 0 ? 0 : (double)n / currentTotal)
            .ToArray();
        var result = new ColumnDriftResult
        {
            Column = reference.Name,
            Kind = reference.Kind,
            Test = reference.Kind == DriftColumnKind.Numerical ? "ks+psi" : "chi2+psi",
            Threshold = options.FalseDiscoveryRate,
            Comparison = DriftComparison.PValueBelow,
            Score = double.NaN,
            Statistic = double.NaN,
            Drifted = false,
            ReferenceCount = r.Count,
            CurrentCount = c.Count,
            ReferenceMissing = r.Dropped,
            CurrentMissing = c.Dropped,
            DistinctValues =
                r.Count == 0 || c.Count == 0
                    ? 0
                    : DriftBinning.CountDistinctUnion(r.Values, c.Values),
            NewCategories = prepared.NewCategories,
            Distribution = distributions
                ? new ColumnDistribution(bins.Labels(), referenceShares, currentShares)
                : null,
        };
        if (TooFewRows(r.Count, c.Count, options.MinimumRows) is { } tooFew)
        {
            return result with { Note = tooFew };
        }
        if (referenceTotal == 0 || currentTotal == 0)
        {
            return result with { Note = "no value falls in the reference bins" };
        }
        var psiReference = (double[])referenceShares.Clone();
        var psiCurrent = (double[])currentShares.Clone();
        DriftBinning.ReplaceZeroes(psiReference);
        DriftBinning.ReplaceZeroes(psiCurrent);
        double psi = PsiDriftTest.Index(psiReference, psiCurrent);
        double p;
        double statistic;
        if (reference.Kind == DriftColumnKind.Numerical)
        {
            var ks = new KolmogorovSmirnovDriftTest().Compute(r, c, reference.Kind);
            (p, statistic) = (ks.Score, ks.Statistic);
        }
        else
        {
            var table = new long[2, referenceCounts.Length];
            for (int k = 0; k < referenceCounts.Length; k++)
            {
                table[0, k] = referenceCounts[k];
                table[1, k] = currentCounts[k];
            }
            var chi = ChiSquareIndependenceTest.Test(table, correction: false);
            (p, statistic) = (chi.PValue, chi.Statistic);
        }
        bool drifted =
            !double.IsNaN(p) && p < options.FalseDiscoveryRate && psi >= options.StrictPsiThreshold;
        return result with
        {
            Score = p,
            Statistic = statistic,
            ReferenceBinPsi = psi,
            Drifted = drifted,
        };
    }
}
