using System.Globalization;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Infrastructure.Reporting.Training;

/// <summary>
/// Invariant-culture formatting for the training report: probabilities and other metrics to three
/// decimals, intervals as "0.812 [0.781, 0.842]", p-values in scientific notation below 0.001.
/// NaN prints as "n/a", never as a number.
/// </summary>
internal static class TrainingFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A probability or metric to three decimals ("0.812"); ±∞ as "∞"/"−∞".</summary>
    public static string Value(double value) =>
        double.IsNaN(value) ? "n/a"
        : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞")
        : value.ToString("0.000", Invariant);

    /// <summary>A signed difference to three decimals ("+0.031", "-0.012").</summary>
    public static string Difference(double value) =>
        double.IsNaN(value) ? "n/a"
        : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞")
        : value.ToString("+0.000;-0.000;0.000", Invariant);

    /// <summary>An estimate with its interval: "0.812 [0.781, 0.842]"; "n/a" when the estimate is undefined.</summary>
    public static string WithInterval(double estimate, double lower, double upper) =>
        double.IsNaN(estimate) ? "n/a" : $"{Value(estimate)} [{Value(lower)}, {Value(upper)}]";

    /// <summary>An interval's estimate with its bounds (see <see cref="WithInterval(double, double, double)"/>).</summary>
    public static string WithInterval(Interval interval) =>
        WithInterval(interval.Estimate, interval.Lower, interval.Upper);

    /// <summary>A signed difference with its interval: "+0.031 [+0.002, +0.060]".</summary>
    public static string DifferenceWithInterval(Interval interval) =>
        double.IsNaN(interval.Estimate)
            ? "n/a"
            : $"{Difference(interval.Estimate)} [{Difference(interval.Lower)}, {Difference(interval.Upper)}]";

    /// <summary>A cross-validation summary: "0.801 ± 0.012"; the ± part is left out when the deviation is undefined.</summary>
    public static string MeanStd(MetricSummary summary) =>
        MeanStd(summary.Mean, summary.StandardDeviation);

    /// <summary>"mean ± std" to three decimals; just the mean when the deviation is undefined.</summary>
    public static string MeanStd(double mean, double standardDeviation) =>
        double.IsNaN(mean) ? "n/a"
        : double.IsNaN(standardDeviation) ? Value(mean)
        : $"{Value(mean)} ± {Value(standardDeviation)}";

    /// <summary>A p-value: four decimals, or scientific notation ("3.20e-05") below 0.001.</summary>
    public static string PValue(double p) => ReportFormat.PValue(p);

    /// <summary>A test statistic to three decimals.</summary>
    public static string Statistic(double value) => Value(value);

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => ReportFormat.Count(value);

    /// <summary>A share as a percentage to one decimal ("12.5%").</summary>
    public static string Percent(double rate) => ReportFormat.Percent(rate);

    /// <summary>An odds ratio: three significant-looking decimals, scientific when tiny or huge.</summary>
    public static string OddsRatio(double value) =>
        double.IsNaN(value) ? "n/a"
        : double.IsPositiveInfinity(value) ? "∞"
        : value != 0 && (value < 0.001 || value >= 1000) ? value.ToString("0.00e+00", Invariant)
        : value.ToString("0.000", Invariant);

    /// <summary>An odds-ratio axis label: "0.5", "1", "2", "0.01" (no trailing zeros).</summary>
    public static string OddsRatioTick(double value) => value.ToString("0.######", Invariant);

    /// <summary>An odds ratio with its interval: "1.823 [1.402, 2.370]".</summary>
    public static string OddsRatioWithInterval(double estimate, double lower, double upper) =>
        double.IsNaN(estimate)
            ? "n/a"
            : $"{OddsRatio(estimate)} [{OddsRatio(lower)}, {OddsRatio(upper)}]";

    /// <summary>A configuration as "name=value, name=value" in name order; "(defaults)" when empty.</summary>
    public static string Configuration(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Count == 0
            ? "(defaults)"
            : string.Join(
                ", ",
                parameters
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={p.Value}")
            );

    /// <summary>A timestamp in UTC, e.g. "2025-03-14 09:26:53 UTC".</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant);

    /// <summary>"yes" or "no".</summary>
    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>The human name of a MetricNames key ("roc_auc" → "ROC AUC").</summary>
    public static string MetricLabel(string key) =>
        key switch
        {
            MetricNames.Accuracy => "Accuracy",
            MetricNames.Precision => "Precision",
            MetricNames.Recall => "Recall",
            MetricNames.F1 => "F1",
            MetricNames.RocAuc => "ROC AUC",
            MetricNames.PrAuc => "PR AUC (average precision)",
            MetricNames.LogLoss => "Log loss",
            MetricNames.BrierScore => "Brier score",
            MetricNames.TruePositives => "True positives",
            MetricNames.FalsePositives => "False positives",
            MetricNames.TrueNegatives => "True negatives",
            MetricNames.FalseNegatives => "False negatives",
            _ => key,
        };

    /// <summary>The metrics shown side by side (the counts are in the confusion matrices).</summary>
    public static IReadOnlyList<string> ShownMetrics { get; } =
    [
        MetricNames.Accuracy,
        MetricNames.Precision,
        MetricNames.Recall,
        MetricNames.F1,
        MetricNames.RocAuc,
        MetricNames.PrAuc,
        MetricNames.LogLoss,
        MetricNames.BrierScore,
    ];
}
