using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;

namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>
/// Quality over time: realised metrics where outcomes have arrived (bootstrap intervals from
/// <see cref="Bootstrap"/>) and CBPE estimates for every window, both against the reference.
/// </summary>
public static class PerformanceAnalyzer
{
    /// <summary>
    /// Analyses the windows of <paramref name="current"/>. Returns null when either dataset has no
    /// probabilities or the reference has no outcomes (nothing to compare with).
    /// </summary>
    public static PerformanceResult? Analyze(
        MonitoringDataset reference,
        MonitoringDataset current,
        IReadOnlyList<MonitoringWindow> windows,
        PerformanceOptions options
    )
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(options);
        if (
            reference.Probabilities is null
            || reference.Labels is null
            || current.Probabilities is null
            || current.Labels is null
        )
        {
            return null;
        }
        var (refScores, refLabels, refOutcomes) = Labelled(
            reference,
            Enumerable.Range(0, reference.Rows).ToArray()
        );
        if (refScores.Length == 0)
        {
            return null;
        }
        var referenceMetrics = CbpeEstimator.RealizedMetrics(refScores, refLabels, refOutcomes);
        CbpeEstimator? cbpe = null;
        if (options.EstimateWithoutLabels && refScores.Length >= 20)
        {
            cbpe = CbpeEstimator.Fit(refScores, refLabels, refOutcomes);
        }
        var overall = Window(
            current,
            null,
            null,
            [.. Enumerable.Range(0, current.Rows)],
            cbpe,
            options
        );
        var perWindow = windows
            .Select(w => Window(current, w.Start, w.End, w.Rows, cbpe, options))
            .ToArray();
        return new PerformanceResult(
            referenceMetrics,
            overall,
            perWindow,
            cbpe?.Calibrated,
            cbpe is null
                ? new Dictionary<string, double[]>()
                : cbpe.Thresholds.ToDictionary(
                    t => t.Key,
                    t => new[] { t.Value.Lower, t.Value.Upper },
                    StringComparer.Ordinal
                )
        );
    }

    private static PerformanceWindow Window(
        MonitoringDataset data,
        DateTimeOffset? start,
        DateTimeOffset? end,
        IReadOnlyList<int> rows,
        CbpeEstimator? cbpe,
        PerformanceOptions options
    )
    {
        var (scores, labels, outcomes) = Labelled(data, rows);
        IReadOnlyDictionary<string, Interval>? realized = null;
        if (scores.Length >= options.MinimumLabelledRows)
        {
            var all = Bootstrap.MetricIntervals(
                outcomes,
                scores,
                data.Threshold,
                options.BootstrapResamples,
                options.Seed
            );
            realized = CbpeMetric.All.ToDictionary(m => m, m => all[m], StringComparer.Ordinal);
        }
        IReadOnlyDictionary<string, CbpeEstimate>? estimated = null;
        if (cbpe is not null && rows.Count > 0 && rows.Count >= options.MinimumEstimatedRows)
        {
            var windowScores = rows.Select(i => data.Probabilities![i]).ToArray();
            var windowLabels = rows.Select(i => data.Labels![i]).ToArray();
            estimated = cbpe.Estimate(windowScores, windowLabels);
        }
        return new PerformanceWindow(start, end, rows.Count, scores.Length, realized, estimated);
    }

    private static (double[] Scores, bool[] Labels, bool[] Outcomes) Labelled(
        MonitoringDataset data,
        IReadOnlyList<int> rows
    )
    {
        var scores = new List<double>();
        var labels = new List<bool>();
        var outcomes = new List<bool>();
        if (data.Outcomes is null || data.Probabilities is null || data.Labels is null)
        {
            return ([], [], []);
        }
        foreach (int i in rows)
        {
            if (data.Outcomes[i] is { } outcome)
            {
                scores.Add(data.Probabilities[i]);
                labels.Add(data.Labels[i]);
                outcomes.Add(outcome);
            }
        }
        return (scores.ToArray(), labels.ToArray(), outcomes.ToArray());
    }

    /// <summary>The F1 of a window: realised when measured, else the CBPE estimate; NaN when neither.</summary>
    public static (double Value, bool Estimated) F1(PerformanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Realized is { } realized && !double.IsNaN(realized[MetricNames.F1].Estimate))
        {
            return (realized[MetricNames.F1].Estimate, false);
        }
        if (window.Estimated is { } estimated)
        {
            return (estimated[MetricNames.F1].Value, true);
        }
        return (double.NaN, false);
    }
}
