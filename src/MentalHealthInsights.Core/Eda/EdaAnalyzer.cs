using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Statistics;

namespace MentalHealthInsights.Core.Eda;

/// <summary>
/// Computes the exploratory analysis of validated records: data quality, target balance, a
/// profile and a test against the target per feature, Benjamini–Hochberg control across those
/// tests, the mixed association matrix and plain sentences about what stands out.
/// The definitions are in docs/eda.md.
/// </summary>
public static partial class EdaAnalyzer
{
    /// <summary>The level that stands for a missing (null) category.</summary>
    public const string MissingLevel = "(missing)";

    /// <summary>The sentence used when no feature–target test survives the multiple-testing correction.</summary>
    public const string NoSignificantAssociation =
        "No feature shows a statistically significant association with the condition after correction for multiple testing.";

    /// <summary>Analyses <paramref name="records"/>. Never throws for bad data: empty or one-sided data give NaN statistics and say so.</summary>
    /// <param name="records">Validated records (normally every accepted row).</param>
    /// <param name="validation">The validation report of the same input, shown as the data-quality section.</param>
    /// <param name="options">Settings; <see cref="EdaOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static EdaReport Analyze(
        IReadOnlyList<MentalHealthRecord> records,
        ValidationReport validation,
        EdaOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(validation);
        options ??= EdaOptions.Default;
        Validate(options);

        var columns = EdaColumns.From(records);
        long withCondition = columns.Target.LongCount(t => t);
        var target = new TargetBalance(records.Count, withCondition, records.Count - withCondition);

        NumericFeatureProfile[] numeric =
        [
            .. DatasetSchema.NumericColumns.Select(
                (name, c) =>
                    ProfileNumeric(name, columns.Numeric[c], columns.Target, options.HistogramBins)
            ),
        ];
        CategoricalFeatureProfile[] categorical =
        [
            .. columns.Categorical.Select(c => ProfileCategorical(c, columns.TargetColumn)),
        ];
        // With one target group no test is meaningful (chi-square would report SciPy's degenerate p = 1).
        bool testable = target.WithCondition > 0 && target.WithoutCondition > 0;
        var associations = Associate(numeric, categorical, testable, options.Alpha);

        return new EdaReport
        {
            DataQuality = DescribeQuality(validation, records.Count),
            Target = target,
            NumericFeatures = numeric,
            CategoricalFeatures = categorical,
            SeverityByCondition = Levels(columns.Severity, columns.TargetColumn),
            Correlations = Correlate(columns),
            Associations = associations,
            WhatStandsOut = WhatStandsOutWriter.Write(
                target,
                associations,
                numeric,
                categorical,
                options
            ),
            Alpha = options.Alpha,
            HistogramBins = options.HistogramBins,
        };
    }

    private static void Validate(EdaOptions options)
    {
        if (!(options.Alpha > 0 && options.Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Alpha must lie in (0, 1).");
        }

        if (options.HistogramBins < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                "HistogramBins must be at least 1."
            );
        }

        if (options.MaxHighlights < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                "MaxHighlights must be at least 1."
            );
        }
    }

    private static FeatureAssociation[] Associate(
        NumericFeatureProfile[] numeric,
        CategoricalFeatureProfile[] categorical,
        bool testable,
        double alpha
    )
    {
        var raw = new List<FeatureAssociation>();
        foreach (var f in numeric)
        {
            raw.Add(
                new FeatureAssociation
                {
                    Feature = f.Name,
                    Kind = VariableKind.Numeric,
                    Test = FeatureAssociation.MannWhitneyU,
                    Statistic = f.Test.Statistic,
                    PValue = testable ? f.Test.PValue : double.NaN,
                    AdjustedPValue = double.NaN,
                    IsSignificant = false,
                    EffectSizeName = "rank-biserial correlation",
                    EffectSize = f.Test.RankBiserial,
                    N = f.Test.N1 + f.Test.N2,
                    Missing = f.Test.Missing1 + f.Test.Missing2,
                }
            );
        }

        foreach (var f in categorical)
        {
            raw.Add(
                new FeatureAssociation
                {
                    Feature = f.Name,
                    Kind = VariableKind.Categorical,
                    Test = FeatureAssociation.ChiSquare,
                    Statistic = f.Test.Statistic,
                    PValue = testable ? f.Test.PValue : double.NaN,
                    AdjustedPValue = double.NaN,
                    IsSignificant = false,
                    EffectSizeName = "Cramér's V",
                    EffectSize = f.CramersV,
                    N = f.Test.N,
                    Missing = 0,
                }
            );
        }

        double[] adjusted = BenjaminiHochberg.Adjust([.. raw.Select(a => a.PValue)]);
        return
        [
            .. raw.Select(
                (a, i) =>
                    a with
                    {
                        AdjustedPValue = adjusted[i],
                        IsSignificant = adjusted[i] <= alpha,
                    }
            ),
        ];
    }

    private static EdaDataQuality DescribeQuality(ValidationReport validation, long recordsAnalyzed)
    {
        return new EdaDataQuality
        {
            RecordsAnalyzed = recordsAnalyzed,
            RowsRead = validation.RowsRead,
            RowsAccepted = validation.RowsAccepted,
            RowsRejected = validation.RowsRejected,
            RejectsByReason =
            [
                .. validation
                    .RejectsByReason.OrderBy(kv => kv.Key)
                    .Select(kv => new NamedCount(kv.Key.ToString(), kv.Value)),
            ],
            MissingByColumn = InSchemaOrder(validation.MissingByColumn),
            UnknownCategoriesMapped = InSchemaOrder(validation.UnknownCategoriesMapped),
            Warnings = [.. validation.Warnings],
        };
    }

    private static NamedCount[] InSchemaOrder(IReadOnlyDictionary<string, long> counts)
    {
        return
        [
            .. counts
                .OrderBy(kv =>
                    DatasetSchema.Columns.Contains(kv.Key)
                        ? DatasetSchema.Columns.ToList().IndexOf(kv.Key)
                        : int.MaxValue
                )
                .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new NamedCount(kv.Key, kv.Value)),
        ];
    }
}
