using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Monitoring.Fairness;
using MentalHealthInsights.Core.Monitoring.Performance;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Monitoring;

/// <summary>
/// The documented names of <see cref="MonitoringReport.KeyMetrics"/>: the numbers alert policies,
/// snapshots and the tracking run read. A name is absent when its value cannot be computed
/// (never NaN in the dictionary). Flags are 1/0.
/// </summary>
public static class MonitoringKeyMetrics
{
    /// <summary>1 when the dataset drifted (share of drifted columns ≥ the drift share), else 0; absent when no column could be tested.</summary>
    public const string DatasetDrift = "dataset_drift";

    /// <summary>Drifted columns / tested columns (the profile decides which columns count); absent when none was tested.</summary>
    public const string DriftShare = "drift_share";

    /// <summary>1 when the model's probability drifted (its label when no probability exists); absent when it could not be tested.</summary>
    public const string PredictionDrift = "prediction_drift";

    /// <summary>1 when the observed outcome drifted; absent without labels on both sides.</summary>
    public const string TargetDrift = "target_drift";

    /// <summary>F1 of the current period: measured when enough labels exist, else the CBPE estimate.</summary>
    public const string F1 = "f1";

    /// <summary>F1 measured on the reference.</summary>
    public const string F1Reference = "f1_reference";

    /// <summary>f1_reference − f1 (positive = worse now).</summary>
    public const string F1Drop = "f1_drop";

    /// <summary>1 when <see cref="F1"/> is the CBPE estimate, 0 when measured.</summary>
    public const string F1IsEstimated = "f1_is_estimated";

    /// <summary>Max over attributes of max(demographic parity difference, equalized odds difference); absent when not computable.</summary>
    public const string FairnessGap = "fairness_gap";

    /// <summary>Rows in the current data.</summary>
    public const string RowsCurrent = "rows_current";

    /// <summary>Rows in the reference data.</summary>
    public const string RowsReference = "rows_reference";

    /// <summary>Current rows whose outcome has arrived.</summary>
    public const string LabelledRowsCurrent = "labelled_rows_current";

    /// <summary>Columns counted in the drift share.</summary>
    public const string ColumnsTested = "columns_tested";

    /// <summary>Drifted columns among them.</summary>
    public const string ColumnsDrifted = "columns_drifted";

    /// <summary>Estimated metrics of the whole period outside their CBPE alert thresholds; absent without CBPE.</summary>
    public const string CbpeAlerts = "cbpe_alerts";

    /// <summary>Rejected / read rows of the current data.</summary>
    public const string RejectShare = "reject_share";

    /// <summary>
    /// Prefix of the per-feature drift flags (<c>column_drift_COLUMN</c>: 1 drifted, 0 tested and
    /// stable, absent when not tested); not listed in <see cref="All"/>.
    /// </summary>
    public const string ColumnDriftPrefix = Alerts.AlertMetricNames.ColumnDriftPrefix;

    /// <summary>Every fixed name, in documentation order (plus the per-feature <see cref="ColumnDriftPrefix"/> flags).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        DatasetDrift,
        DriftShare,
        PredictionDrift,
        TargetDrift,
        F1,
        F1Reference,
        F1Drop,
        F1IsEstimated,
        FairnessGap,
        RowsCurrent,
        RowsReference,
        LabelledRowsCurrent,
        ColumnsTested,
        ColumnsDrifted,
        CbpeAlerts,
        RejectShare,
    ];

    /// <summary>Computes the key metrics from the parts of a report.</summary>
    public static IReadOnlyDictionary<string, double> Compute(
        int referenceRows,
        int currentRows,
        int labelledRows,
        DataDriftResult drift,
        PerformanceResult? performance,
        FairnessResult? fairness,
        double rejectShare
    )
    {
        ArgumentNullException.ThrowIfNull(drift);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [RowsCurrent] = currentRows,
            [RowsReference] = referenceRows,
            [LabelledRowsCurrent] = labelledRows,
            [ColumnsTested] = drift.ColumnsTested,
            [ColumnsDrifted] = drift.ColumnsDrifted,
            [RejectShare] = rejectShare,
        };
        // Not tested (e.g. too few rows) is absent, never "no drift": an alert cannot fire on it
        // and a dashboard does not show a measured 0.
        if (drift.ColumnsTested > 0)
        {
            metrics[DatasetDrift] = drift.DatasetDrift ? 1 : 0;
            metrics[DriftShare] = drift.Share;
        }
        if (drift.PredictionTested)
        {
            metrics[PredictionDrift] = drift.PredictionDrift ? 1 : 0;
        }
        foreach (var column in drift.Features)
        {
            if (!double.IsNaN(column.Score))
            {
                metrics[Alerts.AlertMetricNames.ColumnDrift(column.Column)] = column.Drifted
                    ? 1
                    : 0;
            }
        }
        if (drift.TargetDrift is { } target && !double.IsNaN(target.Score))
        {
            metrics[TargetDrift] = target.Drifted ? 1 : 0;
        }
        if (performance is not null)
        {
            var (f1, estimated) = PerformanceAnalyzer.F1(performance.Overall);
            double reference = performance.Reference.TryGetValue(MetricNames.F1, out var r)
                ? r
                : double.NaN;
            if (!double.IsNaN(f1))
            {
                metrics[F1] = f1;
                metrics[F1IsEstimated] = estimated ? 1 : 0;
            }
            if (!double.IsNaN(reference))
            {
                metrics[F1Reference] = reference;
            }
            if (!double.IsNaN(f1) && !double.IsNaN(reference))
            {
                metrics[F1Drop] = reference - f1;
            }
            if (performance.Overall.Estimated is { } estimates)
            {
                metrics[CbpeAlerts] = estimates.Values.Count(e => e.Alert);
            }
        }
        if (fairness is not null && !double.IsNaN(fairness.Gap))
        {
            metrics[FairnessGap] = fairness.Gap;
        }
        return metrics;
    }
}
