using System.Globalization;
using MentalHealthInsights.Core.Monitoring.Drift;
using MentalHealthInsights.Core.Monitoring.Performance;
using MentalHealthInsights.Infrastructure.Reporting;
using ScottPlot;

namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>The monitoring report's figures (PNG, embedded): small, so the report stays bounded.</summary>
internal static class MonitoringPlots
{
    public const int Width = 640;

    public const int Height = 300;

    /// <summary>Reference vs current shares per bin of one column.</summary>
    public static byte[] Distribution(ColumnDriftResult column)
    {
        PlotFonts.EnsureConfigured();
        using var plot = new Plot();
        var d = column.Distribution!;
        var bars = new List<Bar>();
        for (int i = 0; i < d.Labels.Count; i++)
        {
            bars.Add(
                new Bar
                {
                    Position = i * 3,
                    Value = d.Reference[i],
                    FillColor = Colors.C0,
                }
            );
            bars.Add(
                new Bar
                {
                    Position = i * 3 + 1,
                    Value = d.Current[i],
                    FillColor = Colors.C1,
                }
            );
        }
        plot.Add.Bars(bars);
        var ticks = Enumerable.Range(0, d.Labels.Count).Select(i => i * 3 + 0.5).ToArray();
        // Numerical bins are labelled by their lower edge so rotated labels stay short.
        string[] labels =
        [
            .. d.Labels.Select(l =>
                l.StartsWith('[') && l.Contains(',', StringComparison.Ordinal)
                    ? l[1..l.IndexOf(',', StringComparison.Ordinal)]
                    : l
            ),
        ];
        plot.Axes.Bottom.SetTicks(ticks, labels);
        bool rotate = d.Labels.Count > 6;
        plot.Axes.Bottom.TickLabelStyle.Rotation = rotate ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = rotate
            ? Alignment.MiddleLeft
            : Alignment.UpperCenter;
        if (rotate)
        {
            plot.Axes.Bottom.MinimumSize = 90;
        }
        plot.Axes.Margins(bottom: 0, top: 0.1);
        plot.Title(column.Drifted ? $"{column.Column} (drift)" : column.Column);
        plot.YLabel("Share");
        plot.Legend.IsVisible = true;
        plot.Legend.ManualItems.Add(
            new LegendItem { LabelText = "reference", FillColor = Colors.C0 }
        );
        plot.Legend.ManualItems.Add(
            new LegendItem { LabelText = "current", FillColor = Colors.C1 }
        );
        return plot.GetImageBytes(Width, Height + (d.Labels.Count > 6 ? 80 : 0), ImageFormat.Png);
    }

    /// <summary>One metric over the windows: measured points with intervals, CBPE estimate with band, the reference line.</summary>
    public static byte[]? OverTime(PerformanceResult performance, string metric)
    {
        var windows = performance.Windows.Where(w => w.Start is not null).ToArray();
        if (windows.Length == 0)
        {
            return null;
        }
        PlotFonts.EnsureConfigured();
        using var plot = new Plot();
        var xs = windows.Select(w => w.Start!.Value.UtcDateTime.ToOADate()).ToArray();
        var estimated = windows.Select(w => w.Estimated?[metric].Value ?? double.NaN).ToArray();
        if (estimated.Any(v => !double.IsNaN(v)))
        {
            var lower = windows.Select(w => w.Estimated?[metric].Lower ?? double.NaN).ToArray();
            var upper = windows.Select(w => w.Estimated?[metric].Upper ?? double.NaN).ToArray();
            var band = plot.Add.FillY(xs, lower, upper);
            band.FillColor = Colors.C1.WithAlpha(0.2);
            var line = plot.Add.Scatter(xs, estimated);
            line.Color = Colors.C1;
            line.LegendText = "estimated (CBPE)";
        }
        var realized = windows.Select(w => w.Realized?[metric].Estimate ?? double.NaN).ToArray();
        if (realized.Any(v => !double.IsNaN(v)))
        {
            var points = plot.Add.ScatterPoints(xs, realized);
            points.Color = Colors.C0;
            points.LegendText = "measured";
            for (int i = 0; i < windows.Length; i++)
            {
                if (windows[i].Realized?[metric] is { } interval && !double.IsNaN(interval.Lower))
                {
                    var bar = plot.Add.Line(xs[i], interval.Lower, xs[i], interval.Upper);
                    bar.Color = Colors.C0;
                }
            }
        }
        if (
            performance.Reference.TryGetValue(metric, out double reference)
            && !double.IsNaN(reference)
        )
        {
            var h = plot.Add.HorizontalLine(reference);
            h.LegendText = "reference";
            h.Color = Colors.Gray;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsY(0, 1.05);
        plot.Title(metric.ToString(CultureInfo.InvariantCulture));
        plot.Legend.IsVisible = true;
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
