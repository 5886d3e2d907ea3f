namespace MentalHealthInsights.Core.Monitoring.Drift;

/// <summary>
/// Drift per time window: each window of the current data is compared with the whole reference
/// exactly as the whole period is (<see cref="DriftAnalyzer.Analyze(MonitoringDataset, MonitoringDataset, DriftOptions, ReferenceProfile?)"/>: same profile, tests,
/// thresholds, saved reference bins, per-window Benjamini–Hochberg in the strict profile), and
/// only the numbers are kept (<see cref="DriftWindowResult"/>), never plot summaries or rows. When
/// there are more windows than <c>maxWindows</c>, consecutive windows are merged into equal groups
/// (the last may be shorter) so the result never has more than <c>maxWindows</c> entries: the
/// report stays bounded whatever the period and the row count. With a single window (data without
/// time, or a period shorter than the window) the result is empty: the whole-period result is that window.
/// </summary>
public static class DriftOverTimeAnalyzer
{
    /// <summary>Default bound on the number of drift windows (half a year of days).</summary>
    public const int DefaultMaxWindows = 184;

    /// <summary>Analyses every window; see the type's remarks for merging and the single-window case.</summary>
    public static IReadOnlyList<DriftWindowResult> Analyze(
        MonitoringDataset reference,
        MonitoringDataset current,
        IReadOnlyList<MonitoringWindow> windows,
        DriftOptions options,
        ReferenceProfile? profile = null,
        int maxWindows = DefaultMaxWindows
    )
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindows, 1);
        if (windows.Count <= 1)
        {
            return [];
        }
        if (options.Profile == DriftProfile.Strict)
        {
            // Built once, not per window: every window is binned on the same reference bins.
            profile ??= ReferenceProfile.Build(reference, options.ReferenceBins);
        }
        var groups = Merge(windows, maxWindows);
        var results = new DriftWindowResult[groups.Count];
        var cache = new ReferenceSampleCache();
        for (int g = 0; g < groups.Count; g++)
        {
            results[g] = AnalyzeWindow(reference, current, groups[g], options, profile, cache);
        }
        return results;
    }

    /// <summary>
    /// Merges consecutive windows into ⌈count / max⌉-sized groups when there are more than
    /// <paramref name="maxWindows"/>; otherwise returns the windows unchanged.
    /// </summary>
    public static IReadOnlyList<MonitoringWindow> Merge(
        IReadOnlyList<MonitoringWindow> windows,
        int maxWindows
    )
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindows, 1);
        if (windows.Count <= maxWindows)
        {
            return windows;
        }
        int size = (windows.Count + maxWindows - 1) / maxWindows;
        var merged = new List<MonitoringWindow>((windows.Count + size - 1) / size);
        for (int start = 0; start < windows.Count; start += size)
        {
            int end = Math.Min(start + size, windows.Count);
            var rows = new List<int>();
            for (int w = start; w < end; w++)
            {
                rows.AddRange(windows[w].Rows);
            }
            merged.Add(new MonitoringWindow(windows[start].Start, windows[end - 1].End, rows));
        }
        return merged;
    }

    private static DriftWindowResult AnalyzeWindow(
        MonitoringDataset reference,
        MonitoringDataset current,
        MonitoringWindow window,
        DriftOptions options,
        ReferenceProfile? profile,
        ReferenceSampleCache cache
    )
    {
        if (window.Rows.Count == 0)
        {
            return new DriftWindowResult
            {
                Start = window.Start,
                End = window.End,
                Rows = 0,
                ColumnsTested = 0,
                ColumnsDrifted = 0,
                Share = 0,
                DatasetDrift = false,
                PredictionDrift = false,
            };
        }
        var drift = DriftAnalyzer.Analyze(
            reference,
            current.Select(window.Rows),
            options,
            profile,
            cache,
            distributions: false
        );
        var columns = drift
            .Features.Append(drift.ProbabilityDrift)
            .Append(drift.LabelDrift)
            .Append(drift.TargetDrift)
            .OfType<ColumnDriftResult>()
            .Select(DriftWindowColumn.From)
            .ToArray();
        return new DriftWindowResult
        {
            Start = window.Start,
            End = window.End,
            Rows = window.Rows.Count,
            ColumnsTested = drift.ColumnsTested,
            ColumnsDrifted = drift.ColumnsDrifted,
            Share = drift.Share,
            DatasetDrift = drift.DatasetDrift,
            PredictionDrift = drift.PredictionDrift,
            PredictionTested = drift.PredictionTested,
            Columns = columns,
        };
    }
}
