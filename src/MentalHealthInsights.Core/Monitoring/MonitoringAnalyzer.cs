using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Monitoring.Fairness;
using MentalHealthInsights.Core.Monitoring.Performance;
using MentalHealthInsights.Core.Monitoring.Quality;

namespace MentalHealthInsights.Core.Monitoring;

/// <summary>Runs every monitoring analysis on in-memory data and assembles the <see cref="MonitoringReport"/>.</summary>
public static class MonitoringAnalyzer
{
    /// <summary>Analyses <paramref name="current"/> against <paramref name="reference"/>.</summary>
    /// <param name="reference">Reference data (training data, scored).</param>
    /// <param name="current">Current data.</param>
    /// <param name="options">Configuration.</param>
    /// <param name="sources">Descriptions of the reference and current sources for the report.</param>
    /// <param name="generatedAt">The analysis time.</param>
    /// <param name="validation">The current data's validation report (null for a prediction log).</param>
    /// <param name="profile">Saved reference bins for the strict profile (built from the reference when null).</param>
    /// <param name="period">The requested current period, when given.</param>
    public static MonitoringReport Analyze(
        MonitoringDataset reference,
        MonitoringDataset current,
        MonitoringOptions options,
        (string Reference, string Current) sources,
        DateTimeOffset generatedAt,
        ValidationReport? validation = null,
        ReferenceProfile? profile = null,
        (DateTimeOffset? From, DateTimeOffset? To) period = default
    )
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Drift.Profile == DriftProfile.Strict)
        {
            // One set of reference bins for the whole period and every window.
            profile ??= ReferenceProfile.Build(reference, options.Drift.ReferenceBins);
        }
        var drift = DriftAnalyzer.Analyze(reference, current, options.Drift, profile);
        // Every series over time (drift, quality, fairness) shares one bounded set of windows:
        // past MaxDriftWindows, consecutive windows are merged, so monitoring.json stays small
        // however long the period.
        var windows = DriftOverTimeAnalyzer.Merge(
            MonitoringWindow.Split(
                current.Timestamps,
                current.Rows,
                options.Window,
                options.WindowOrigin ?? period.From
            ),
            options.MaxDriftWindows
        );
        var driftWindows = DriftOverTimeAnalyzer.Analyze(
            reference,
            current,
            windows,
            options.Drift,
            profile,
            options.MaxDriftWindows
        );
        var performance = PerformanceAnalyzer.Analyze(
            reference,
            current,
            windows,
            options.Performance
        );
        var fairness = FairnessAnalyzer.Analyze(current, options.Fairness);
        var fairnessWindows = current.Timestamps is null
            ? []
            : windows
                .Select(w =>
                    FairnessAnalyzer.Analyze(current, options.Fairness, w.Rows, w.Start, w.End)
                )
                .OfType<FairnessResult>()
                .ToArray();
        var quality = DataQualityAnalyzer.Analyze(reference, current, drift, validation);
        var keyMetrics = MonitoringKeyMetrics.Compute(
            reference.Rows,
            current.Rows,
            current.LabelledRows,
            drift,
            performance,
            fairness,
            quality.RejectShare
        );
        return new MonitoringReport
        {
            GeneratedAt = generatedAt,
            ReferenceSource = sources.Reference,
            CurrentSource = sources.Current,
            From = period.From,
            To = period.To,
            ReferenceRows = reference.Rows,
            CurrentRows = current.Rows,
            LabelledRows = current.LabelledRows,
            Drift = drift,
            DriftWindows = driftWindows,
            Performance = performance,
            Fairness = fairness,
            FairnessWindows = fairnessWindows,
            Quality = quality,
            KeyMetrics = keyMetrics,
            Findings = Findings(drift, driftWindows, keyMetrics, quality),
        };
    }

    /// <summary>
    /// The finding of a current period without a single outcome: measured quality and target
    /// drift need labels; drift, prediction drift and CBPE estimates do not.
    /// </summary>
    public const string NoLabelsFinding =
        "No labels in the current data: measured quality (F1, accuracy, …) and target drift need labels and are not computed; data drift, prediction drift, CBPE estimates and demographic parity do not need them.";

    private static string[] Findings(
        DataDriftResult drift,
        IReadOnlyList<DriftWindowResult> driftWindows,
        IReadOnlyDictionary<string, double> metrics,
        DataQualityResult quality
    )
    {
        var findings = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        findings.Add(
            drift.ColumnsTested == 0
                ? "Drift not tested: no column had enough rows on both sides (see each column's note)."
            : drift.DatasetDrift
                ? string.Create(
                    inv,
                    $"Dataset drift: {drift.ColumnsDrifted} of {drift.ColumnsTested} columns drifted (share {drift.Share:0.###} ≥ {drift.DriftShareThreshold:0.###})."
                )
            : string.Create(
                inv,
                $"No dataset drift: {drift.ColumnsDrifted} of {drift.ColumnsTested} columns drifted (share {drift.Share:0.###} < {drift.DriftShareThreshold:0.###})."
            )
        );
        var drifted = drift.Features.Where(f => f.Drifted).Select(f => f.Column).ToArray();
        if (drifted.Length > 0)
        {
            findings.Add($"Drifted features: {string.Join(", ", drifted)}.");
        }
        if (drift.PredictionDrift)
        {
            findings.Add("The model's predictions drifted.");
        }
        var tested = driftWindows.Where(w => w.ColumnsTested > 0).ToArray();
        if (tested.Length > 0)
        {
            var first = tested.FirstOrDefault(w => w.DatasetDrift);
            findings.Add(
                first is null
                    ? string.Create(
                        inv,
                        $"Drift over time: no dataset drift in any of {tested.Length} windows."
                    )
                    : string.Create(
                        inv,
                        $"Drift over time: dataset drift in {tested.Count(w => w.DatasetDrift)} of {tested.Length} windows, first from {first.Start:yyyy-MM-dd HH:mm} UTC."
                    )
            );
        }
        // One statement for every source without outcomes (an unlabelled file, a prediction-log
        // window before labels arrive): what cannot be computed, and why.
        if (metrics[MonitoringKeyMetrics.LabelledRowsCurrent] == 0)
        {
            findings.Add(NoLabelsFinding);
        }
        if (
            metrics.TryGetValue(MonitoringKeyMetrics.F1, out double f1)
            && metrics.TryGetValue(MonitoringKeyMetrics.F1Reference, out double reference)
        )
        {
            double labelled = metrics[MonitoringKeyMetrics.LabelledRowsCurrent];
            string kind =
                metrics[MonitoringKeyMetrics.F1IsEstimated] == 0 ? "measured"
                : labelled == 0 ? "estimated (no labels yet)"
                : string.Create(inv, $"estimated (only {labelled:0} labelled rows)");
            findings.Add(
                string.Create(
                    inv,
                    $"F1 {kind}: {f1:0.###} against {reference:0.###} on the reference."
                )
            );
        }
        if (metrics.TryGetValue(MonitoringKeyMetrics.FairnessGap, out double gap))
        {
            findings.Add(string.Create(inv, $"Largest fairness gap across groups: {gap:0.###}."));
        }
        foreach (var column in quality.Columns.Where(c => c.NewCategories.Count > 0))
        {
            findings.Add(
                $"{column.Column}: categories not seen in the reference ({column.NewCategories.Count})."
            );
        }
        if (quality.RowsRejected > 0)
        {
            findings.Add(
                string.Create(
                    inv,
                    $"{quality.RowsRejected} of {quality.RowsRead} current rows were rejected by validation."
                )
            );
        }
        return [.. findings];
    }
}
