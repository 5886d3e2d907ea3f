using System.Globalization;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Infrastructure.Reporting;

namespace MentalHealthInsights.Infrastructure.Monitoring;

public static partial class MonitoringReportWriter
{
    // The drift-over-time section: a chart of the share drifted per window and one table row per
    // window with every column's score, drifted cells marked. Bounded by MaxDriftWindows rows.
    private static void AddDriftOverTime(HtmlReportBuilder html, MonitoringReport report)
    {
        var windows = report.DriftWindows;
        if (windows.Count == 0)
        {
            html.AddParagraph(
                "One window only (data without time, or a period shorter than the window): the data drift above is that window."
            );
            return;
        }
        int tested = windows.Count(w => w.ColumnsTested > 0);
        html.AddParagraph(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Each window is compared with the whole reference using the same profile and tests as the whole period: dataset drift in {windows.Count(w => w.DatasetDrift)} of {tested} windows with data, prediction drift in {windows.Count(w => w.PredictionDrift)}."
            )
        );
        if (DriftOverTimePlot.Render(windows, report.Drift.DriftShareThreshold) is { } png)
        {
            html.AddImage(
                png,
                "Share of drifted columns per window against the dataset drift threshold; markers show windows with prediction drift."
            );
        }
        var columns = windows
            .SelectMany(w => w.Columns.Select(c => c.Column))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var header = new List<string> { "window start", "rows", "share", "dataset", "prediction" };
        header.AddRange(columns);
        html.AddTable(
            header,
            windows.Select(w => (IReadOnlyList<string>)WindowRow(w, columns)),
            "Score per column and window (p-value or distance, as in the tables above); * marks a drifted column, – a column not tested."
        );
    }

    private static List<string> WindowRow(DriftWindowResult w, string[] columns)
    {
        var row = new List<string>(columns.Length + 5)
        {
            w.Start?.ToString("yyyy-MM-dd HH:mm", Invariant) ?? "–",
            ReportFormat.Count(w.Rows),
            w.ColumnsTested == 0 ? "–" : ReportFormat.Measure(w.Share),
            w.ColumnsTested == 0 ? "–"
            : w.DatasetDrift ? "DRIFT"
            : "no",
            !w.PredictionTested ? "–"
            : w.PredictionDrift ? "DRIFT"
            : "no",
        };
        foreach (string name in columns)
        {
            var c = w.Columns.FirstOrDefault(x =>
                string.Equals(x.Column, name, StringComparison.Ordinal)
            );
            row.Add(
                c is null || double.IsNaN(c.Score)
                    ? "–"
                    : ReportFormat.Statistic(c.Score) + (c.Drifted ? "*" : string.Empty)
            );
        }
        return row;
    }
}
