using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Infrastructure.Reporting;
using ScottPlot;

namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>The drift-over-time figure: share of drifted columns per window against the dataset threshold.</summary>
internal static class DriftOverTimePlot
{
    /// <summary>
    /// Share drifted per window (line), the drift-share threshold (dashed), and the windows whose
    /// prediction drifted (markers at the top). Null when no window has a start time or a tested column.
    /// </summary>
    public static byte[]? Render(IReadOnlyList<DriftWindowResult> windows, double threshold)
    {
        var tested = windows.Where(w => w.Start is not null && w.ColumnsTested > 0).ToArray();
        if (tested.Length == 0)
        {
            return null;
        }
        PlotFonts.EnsureConfigured();
        using var plot = new Plot();
        var xs = tested.Select(w => w.Start!.Value.UtcDateTime.ToOADate()).ToArray();
        var share = plot.Add.Scatter(xs, tested.Select(w => w.Share).ToArray());
        share.Color = Colors.C0;
        share.LegendText = "share of drifted columns";
        var line = plot.Add.HorizontalLine(threshold);
        line.Color = Colors.C3;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = "dataset drift threshold";
        var predictionX = tested.Where(w => w.PredictionDrift).ToArray();
        if (predictionX.Length > 0)
        {
            var marks = plot.Add.ScatterPoints(
                predictionX.Select(w => w.Start!.Value.UtcDateTime.ToOADate()).ToArray(),
                [.. predictionX.Select(_ => 1.02)]
            );
            marks.Color = Colors.C1;
            marks.MarkerShape = MarkerShape.FilledTriangleDown;
            marks.LegendText = "prediction drift";
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsY(0, 1.08);
        plot.Title("Drift over time");
        plot.YLabel("share of drifted columns");
        plot.Legend.IsVisible = true;
        return plot.GetImageBytes(MonitoringPlots.Width, MonitoringPlots.Height, ImageFormat.Png);
    }
}
