namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// The key metrics a monitoring run reports and a rule may name (the contract between the
/// monitoring report and the alert policy). Verdicts are 1 (true) or 0 (false). The names are
/// those of <see cref="MonitoringKeyMetrics"/> (one source of truth for the spelling).
/// </summary>
public static class AlertMetricNames
{
    /// <summary>1 when the share of drifted feature columns reached the dataset rule.</summary>
    public const string DatasetDrift = MonitoringKeyMetrics.DatasetDrift;

    /// <summary>Share of feature columns that drifted, in [0, 1].</summary>
    public const string DriftShare = MonitoringKeyMetrics.DriftShare;

    /// <summary>1 when the predictions' distribution drifted.</summary>
    public const string PredictionDrift = MonitoringKeyMetrics.PredictionDrift;

    /// <summary>1 when the outcomes' distribution drifted; absent without labels.</summary>
    public const string TargetDrift = MonitoringKeyMetrics.TargetDrift;

    /// <summary>F1 of the current window (measured with labels, else estimated).</summary>
    public const string F1 = MonitoringKeyMetrics.F1;

    /// <summary>F1 on the reference data.</summary>
    public const string F1Reference = MonitoringKeyMetrics.F1Reference;

    /// <summary>Reference F1 minus current F1 (positive: worse now).</summary>
    public const string F1Drop = MonitoringKeyMetrics.F1Drop;

    /// <summary>1 when <see cref="F1"/> is estimated (no labels yet), 0 when measured.</summary>
    public const string F1IsEstimated = MonitoringKeyMetrics.F1IsEstimated;

    /// <summary>The larger of the demographic parity difference and the equalized odds difference.</summary>
    public const string FairnessGap = MonitoringKeyMetrics.FairnessGap;

    /// <summary>Rows in the current window.</summary>
    public const string RowsCurrent = MonitoringKeyMetrics.RowsCurrent;

    /// <summary>Estimated (CBPE) metrics of the window outside their reference-chunk thresholds; absent without CBPE.</summary>
    public const string CbpeAlerts = MonitoringKeyMetrics.CbpeAlerts;

    /// <summary>Drifted columns counted in the drift share.</summary>
    public const string ColumnsDrifted = MonitoringKeyMetrics.ColumnsDrifted;

    /// <summary>Rejected / read rows of the current data.</summary>
    public const string RejectShare = MonitoringKeyMetrics.RejectShare;

    /// <summary>
    /// Prefix of the per-feature drift flags: <c>column_drift_Sleep_Hours</c> is 1 when that
    /// feature drifted in the run, 0 when it was tested and did not, absent when it was not tested.
    /// </summary>
    public const string ColumnDriftPrefix = "column_drift_";

    /// <summary>The per-feature drift flag's name for <paramref name="column"/>, e.g. <c>column_drift_Stress_Level</c>.</summary>
    public static string ColumnDrift(string column) => ColumnDriftPrefix + column;

    /// <summary>
    /// True for a name of <see cref="All"/> or <see cref="ColumnDriftPrefix"/> followed by a
    /// dataset column (<see cref="Data.DatasetSchema.Columns"/>); a rule naming anything else is
    /// a configuration error.
    /// </summary>
    public static bool IsKnown(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return All.Contains(metric, StringComparer.Ordinal)
            || (
                metric.StartsWith(ColumnDriftPrefix, StringComparison.Ordinal)
                && Data.DatasetSchema.Columns.Contains(
                    metric[ColumnDriftPrefix.Length..],
                    StringComparer.Ordinal
                )
            );
    }

    /// <summary>Every fixed name above (see <see cref="IsKnown"/> for the per-feature flags); a rule naming anything else is a configuration error (a typo would never fire).</summary>
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
        CbpeAlerts,
        ColumnsDrifted,
        RejectShare,
    ];
}
