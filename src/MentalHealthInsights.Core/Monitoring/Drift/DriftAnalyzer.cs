using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// Computes data, prediction and target drift of a current dataset against a reference with one
/// machinery for every column (spec §1). Columns are analysed in parallel; each column's samples
/// are cleaned and sorted once and shared by the test and the plot summary.
/// </summary>
public static partial class DriftAnalyzer
{
    /// <summary>Bins of the numerical plot summaries (the report's histograms).</summary>
    public const int PlotBins = 20;

    /// <summary>At most this many categories are kept in a plot summary (largest first).</summary>
    public const int PlotCategories = 40;

    /// <summary>
    /// Analyses every feature plus prediction and target columns present on both sides.
    /// <paramref name="profile"/> supplies the strict profile's fixed bins (built from
    /// <paramref name="reference"/> when null).
    /// </summary>
    public static DataDriftResult Analyze(
        MonitoringDataset reference,
        MonitoringDataset current,
        DriftOptions options,
        ReferenceProfile? profile = null
    ) => Analyze(reference, current, options, profile, null);

    /// <summary>
    /// As the public overload; <paramref name="cache"/> shares sorted reference samples between
    /// windows; without <paramref name="distributions"/> the columns' plot summaries
    /// (<see cref="ColumnDriftResult.Distribution"/>) are not built (per-window drift keeps only
    /// the numbers).
    /// </summary>
    internal static DataDriftResult Analyze(
        MonitoringDataset reference,
        MonitoringDataset current,
        DriftOptions options,
        ReferenceProfile? profile,
        ReferenceSampleCache? cache,
        bool distributions = true
    )
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Profile == DriftProfile.Strict)
        {
            profile ??= ReferenceProfile.Build(reference, options.ReferenceBins);
        }

        var pairs = new List<(MonitoringColumn Reference, MonitoringColumn Current)>();
        foreach (var feature in reference.Features)
        {
            if (current.Feature(feature.Name) is { } other && other.Kind == feature.Kind)
            {
                pairs.Add((feature, other));
            }
        }
        var utility = new (MonitoringColumn? Reference, MonitoringColumn? Current)[]
        {
            (DriftColumns.Probability(reference), DriftColumns.Probability(current)),
            (DriftColumns.Label(reference), DriftColumns.Label(current)),
            (DriftColumns.Target(reference), DriftColumns.Target(current)),
        };
        int featureCount = pairs.Count;
        var utilityIndex = new int[utility.Length];
        for (int u = 0; u < utility.Length; u++)
        {
            utilityIndex[u] = -1;
            if (utility[u].Reference is { } r && utility[u].Current is { } c)
            {
                utilityIndex[u] = pairs.Count;
                pairs.Add((r, c));
            }
        }

        var results = new ColumnDriftResult[pairs.Count];
        Parallel.For(
            0,
            pairs.Count,
            i =>
                results[i] =
                    options.Profile == DriftProfile.Strict
                        ? AnalyzeStrict(
                            pairs[i].Reference,
                            pairs[i].Current,
                            options,
                            profile!,
                            cache,
                            distributions
                        )
                        : AnalyzeColumn(
                            pairs[i].Reference,
                            pairs[i].Current,
                            options,
                            cache,
                            distributions
                        )
        );

        var features = results[..featureCount];
        if (options.Profile == DriftProfile.Strict)
        {
            features = ApplyFalseDiscoveryRate(features, options);
        }
        ColumnDriftResult? At(int u) => utilityIndex[u] < 0 ? null : results[utilityIndex[u]];
        var probability = At(0);
        var label = At(1);
        var target = At(2);

        var counted = new List<ColumnDriftResult>(features);
        if (options.Profile == DriftProfile.Evidently && options.IncludePredictionAndTargetInShare)
        {
            // Evidently's legacy preset tests one prediction column (the probability when it exists).
            if ((probability ?? label) is { } prediction)
            {
                counted.Add(prediction);
            }
            if (target is not null)
            {
                counted.Add(target);
            }
        }
        var tested = counted.Where(c => !double.IsNaN(c.Score)).ToList();
        return new DataDriftResult(
            options.Profile,
            features,
            probability,
            label,
            target,
            tested.Count,
            tested.Count(c => c.Drifted),
            options.DriftShare
        );
    }

    /// <summary>One column under the Evidently profile (test choice, threshold, comparison).</summary>
    public static ColumnDriftResult AnalyzeColumn(
        MonitoringColumn reference,
        MonitoringColumn current,
        DriftOptions options
    ) => AnalyzeColumn(reference, current, options, null, distributions: true);

    private static ColumnDriftResult AnalyzeColumn(
        MonitoringColumn reference,
        MonitoringColumn current,
        DriftOptions options,
        ReferenceSampleCache? cache,
        bool distributions
    )
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        var prepared = PreparedColumn.Create(reference, current, cache);
        var (r, c) = (prepared.Reference, prepared.Current);
        int distinct =
            r.Count == 0 || c.Count == 0 ? 0 : DriftBinning.CountDistinctUnion(r.Values, c.Values);
        string name =
            TestOverride(reference.Name, reference.Kind, options)
            ?? DefaultDriftTestChooser.Choose(reference.Kind, r.Count, distinct);
        var test = DriftTestRegistry.Get(name);
        double threshold =
            ThresholdOverride(reference.Name, reference.Kind, options) ?? test.DefaultThreshold;
        var result = new ColumnDriftResult
        {
            Column = reference.Name,
            Kind = reference.Kind,
            Test = name,
            Threshold = threshold,
            Comparison = test.Comparison,
            Score = double.NaN,
            Statistic = double.NaN,
            Drifted = false,
            ReferenceCount = r.Count,
            CurrentCount = c.Count,
            ReferenceMissing = r.Dropped,
            CurrentMissing = c.Dropped,
            DistinctValues = distinct,
            NewCategories = prepared.NewCategories,
            Distribution = distributions ? prepared.Distribution(PlotBins, PlotCategories) : null,
        };
        if (TooFewRows(r.Count, c.Count, options.MinimumRows) is { } tooFew)
        {
            return result with { Note = tooFew };
        }
        DriftTestScore score;
        try
        {
            score = test.Compute(r, c, reference.Kind);
        }
        catch (DriftTestNotApplicableException e)
        {
            // A test that cannot run on these samples is a per-column note, never a crash.
            return result with { Note = e.Message };
        }
        return result with
        {
            Score = score.Score,
            Statistic = score.Statistic,
            Drifted =
                !double.IsNaN(score.Score)
                && DriftComparisons.IsDrift(test.Comparison, score.Score, threshold),
            Note = double.IsNaN(score.Score) ? "the test is undefined for these samples" : null,
        };
    }

    /// <summary>
    /// The note of a column with fewer than <paramref name="minimum"/> rows on a side (not
    /// tested, not counted in the share), or null when both sides have enough.
    /// </summary>
    internal static string? TooFewRows(int reference, int current, int minimum) =>
        reference == 0 ? "reference empty after cleaning"
        : current == 0 ? "current empty after cleaning"
        : reference < minimum || current < minimum
            ? string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"too few rows to test: {(current < minimum ? "current" : "reference")} {(current < minimum ? current : reference)} (at least {minimum} needed on each side)"
            )
        : null;

    private static string? TestOverride(
        string column,
        DriftColumnKind kind,
        DriftOptions options
    ) =>
        options.PerColumnTest.TryGetValue(column, out var perColumn)
            ? perColumn
            : (kind == DriftColumnKind.Numerical ? options.NumericalTest : options.CategoricalTest)
                ?? options.AllTest;

    private static double? ThresholdOverride(
        string column,
        DriftColumnKind kind,
        DriftOptions options
    ) =>
        options.PerColumnThreshold.TryGetValue(column, out double perColumn)
            ? perColumn
            : (
                kind == DriftColumnKind.Numerical
                    ? options.NumericalThreshold
                    : options.CategoricalThreshold
            ) ?? options.AllThreshold;

    private static ColumnDriftResult[] ApplyFalseDiscoveryRate(
        ColumnDriftResult[] features,
        DriftOptions options
    )
    {
        var pValues = features.Select(f => f.Score).ToArray();
        var adjusted = BenjaminiHochberg.Adjust(pValues);
        var output = new ColumnDriftResult[features.Length];
        for (int i = 0; i < features.Length; i++)
        {
            var f = features[i];
            bool drifted =
                !double.IsNaN(adjusted[i])
                && adjusted[i] < options.FalseDiscoveryRate
                && f.ReferenceBinPsi >= options.StrictPsiThreshold;
            output[i] = f with { AdjustedPValue = adjusted[i], Drifted = drifted };
        }
        return output;
    }
}
